-- The influence read model. One row per event it keeps, keyed by the event's place in its
-- project's stream, with both times, so that any (asOf, knownAt) is a filter, never a rebuild.
CREATE TABLE influence_project (
    project_id  VARCHAR(64)    NOT NULL,
    seq_no      BIGINT         NOT NULL,
    title       VARCHAR(20000) NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);

CREATE TABLE influence_decision (
    project_id  VARCHAR(64)    NOT NULL,
    seq_no      BIGINT         NOT NULL,
    decision_id VARCHAR(64)    NOT NULL,
    step        VARCHAR(16)    NOT NULL, -- PROPOSED, MADE or REVISED
    label       VARCHAR(20000) NOT NULL, -- the title when proposed, else the outcome
    method      VARCHAR(32),
    members     VARCHAR(20000) NOT NULL, -- proposedBy or decidedBy, comma-separated
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    event_id    VARCHAR(255)   NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
CREATE INDEX ix_influence_decision ON influence_decision (project_id, decision_id);

CREATE TABLE influence_record (
    project_id      VARCHAR(64)    NOT NULL,
    seq_no          BIGINT         NOT NULL,
    decision_id     VARCHAR(64)    NOT NULL,
    influence_id    VARCHAR(64)    NOT NULL,
    member_id       VARCHAR(64)    NOT NULL,
    kind            VARCHAR(32)    NOT NULL,
    contribution_id VARCHAR(64),
    reflection_id   VARCHAR(64),
    note            VARCHAR(20000),
    occurred_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    event_id        VARCHAR(255)   NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
CREATE INDEX ix_influence_record ON influence_record (project_id, decision_id);

-- Contributions that named a decision: who discussed it.
CREATE TABLE influence_discussion (
    project_id      VARCHAR(64) NOT NULL,
    seq_no          BIGINT      NOT NULL,
    decision_id     VARCHAR(64) NOT NULL,
    contribution_id VARCHAR(64) NOT NULL,
    member_id       VARCHAR(64) NOT NULL,
    occurred_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
-- Covering the columns the queries read allows index-only scans; only where no free text is
-- involved, since an index entry must fit in a third of a page (free text may hold 20,000 characters).
CREATE INDEX ix_influence_discussion ON influence_discussion (project_id, decision_id)
    INCLUDE (occurred_at, recorded_at, contribution_id, member_id, seq_no);

-- Retractions of influences and contributions: corrections that apply at every valid time once known.
CREATE TABLE influence_retraction (
    project_id  VARCHAR(64) NOT NULL,
    seq_no      BIGINT      NOT NULL,
    target      VARCHAR(16) NOT NULL, -- INFLUENCE or CONTRIBUTION
    target_id   VARCHAR(64) NOT NULL,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
CREATE INDEX ix_influence_retraction ON influence_retraction (project_id, target_id) INCLUDE (target, recorded_at);

CREATE TABLE influence_member (
    project_id   VARCHAR(64)    NOT NULL,
    seq_no       BIGINT         NOT NULL,
    member_id    VARCHAR(64)    NOT NULL,
    change       VARCHAR(8)     NOT NULL, -- JOINED, CHANGED or LEFT
    name         VARCHAR(20000),
    role         VARCHAR(64),
    perspectives VARCHAR(20000), -- comma-separated, primary first
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
CREATE INDEX ix_influence_member ON influence_member (project_id, member_id);

CREATE TABLE influence_phase (
    project_id  VARCHAR(64)    NOT NULL,
    seq_no      BIGINT         NOT NULL,
    phase_id    VARCHAR(64)    NOT NULL,
    name        VARCHAR(20000) NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
