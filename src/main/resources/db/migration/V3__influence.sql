-- The influence read model. One row per event it keeps, keyed by the event's place in its
-- project's stream, with both times, so that any (asOf, knownAt) is a filter, never a rebuild.
CREATE TABLE influence_project (
    project_id  VARCHAR(64)    NOT NULL,
    seq_no      BIGINT         NOT NULL,
    title       VARCHAR(20000) NOT NULL,
    occurred_at ${timestamptz} NOT NULL,
    recorded_at ${timestamptz} NOT NULL,
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
    occurred_at ${timestamptz} NOT NULL,
    recorded_at ${timestamptz} NOT NULL,
    event_id    VARCHAR(255)   NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
-- Each database has indexes of its own, on lines that start with ${h2_only} or ${postgresql_only}:
-- the other database reads them as comments (the placeholder is "--" there; SchemaMigrations).
-- On H2 the indexes by decision carry every column the queries read. H2 stores a table's rows in
-- insertion order, so a decision's rows lie scattered over its project's pages; an index the query
-- never has to leave reads them from a page or two (measured: a third of the garbage, p50 -25%, no
-- slower to write; docs/performance.md). On PostgreSQL, covering the columns the queries read allows
-- index-only scans; only where no free text is involved, since an index entry must fit in a third
-- of a page (free text may hold 20,000 characters).
${h2_only}CREATE INDEX ix_influence_decision ON influence_decision
${h2_only}    (project_id, decision_id, seq_no, step, occurred_at, recorded_at, method, event_id, label, members);
${postgresql_only}CREATE INDEX ix_influence_decision ON influence_decision (project_id, decision_id);

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
    occurred_at     ${timestamptz} NOT NULL,
    recorded_at     ${timestamptz} NOT NULL,
    event_id        VARCHAR(255)   NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
${h2_only}CREATE INDEX ix_influence_record ON influence_record (project_id, decision_id, occurred_at, recorded_at,
${h2_only}    influence_id, member_id, kind, seq_no, event_id, contribution_id, reflection_id, note);
${postgresql_only}CREATE INDEX ix_influence_record ON influence_record (project_id, decision_id);

-- Contributions that named a decision: who discussed it.
CREATE TABLE influence_discussion (
    project_id      VARCHAR(64) NOT NULL,
    seq_no          BIGINT      NOT NULL,
    decision_id     VARCHAR(64) NOT NULL,
    contribution_id VARCHAR(64) NOT NULL,
    member_id       VARCHAR(64) NOT NULL,
    occurred_at     ${timestamptz} NOT NULL,
    recorded_at     ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
${h2_only}CREATE INDEX ix_influence_discussion ON influence_discussion
${h2_only}    (project_id, decision_id, occurred_at, recorded_at, contribution_id, member_id, seq_no);
${postgresql_only}CREATE INDEX ix_influence_discussion ON influence_discussion (project_id, decision_id)
${postgresql_only}    INCLUDE (occurred_at, recorded_at, contribution_id, member_id, seq_no);

-- Retractions of influences and contributions: corrections that apply at every valid time once known.
CREATE TABLE influence_retraction (
    project_id  VARCHAR(64) NOT NULL,
    seq_no      BIGINT      NOT NULL,
    target      VARCHAR(16) NOT NULL, -- INFLUENCE or CONTRIBUTION
    target_id   VARCHAR(64) NOT NULL,
    recorded_at ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
${h2_only}CREATE INDEX ix_influence_retraction ON influence_retraction (project_id, target_id, target, recorded_at);
${postgresql_only}CREATE INDEX ix_influence_retraction ON influence_retraction (project_id, target_id) INCLUDE (target, recorded_at);

CREATE TABLE influence_member (
    project_id   VARCHAR(64)    NOT NULL,
    seq_no       BIGINT         NOT NULL,
    member_id    VARCHAR(64)    NOT NULL,
    change       VARCHAR(8)     NOT NULL, -- JOINED, CHANGED or LEFT
    name         VARCHAR(20000),
    role         VARCHAR(64),
    perspectives VARCHAR(20000), -- comma-separated, primary first
    occurred_at  ${timestamptz} NOT NULL,
    recorded_at  ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
${h2_only}CREATE INDEX ix_influence_member ON influence_member
${h2_only}    (project_id, member_id, occurred_at, recorded_at, change, seq_no, role, name, perspectives);
${postgresql_only}CREATE INDEX ix_influence_member ON influence_member (project_id, member_id);

CREATE TABLE influence_phase (
    project_id  VARCHAR(64)    NOT NULL,
    seq_no      BIGINT         NOT NULL,
    phase_id    VARCHAR(64)    NOT NULL,
    name        VARCHAR(20000) NOT NULL,
    occurred_at ${timestamptz} NOT NULL,
    recorded_at ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
