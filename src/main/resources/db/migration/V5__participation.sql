-- The participation read model: the present record (knownAt = now) kept as counts, so that a
-- participation question reads a row per meeting and member rather than every contribution. Valid
-- time stays in the rows (asOf is a filter) and phases and perspectives are resolved when asked,
-- so a late-recorded phase start or perspective change moves the counts where they belong.

-- How far each project's stream has been applied (redelivered events at or below it are skipped),
-- and the latest recorded time among its events: the read model answers for knownAt at or after it.
CREATE TABLE participation_project (
    project_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    last_seq         BIGINT      NOT NULL,
    last_recorded_at ${timestamptz} NOT NULL
);

CREATE TABLE participation_phase (
    project_id  VARCHAR(64)    NOT NULL,
    seq_no      BIGINT         NOT NULL,
    phase_id    VARCHAR(64)    NOT NULL,
    name        VARCHAR(20000) NOT NULL,
    occurred_at ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);

CREATE TABLE participation_member (
    project_id   VARCHAR(64)    NOT NULL,
    seq_no       BIGINT         NOT NULL,
    member_id    VARCHAR(64)    NOT NULL,
    change       VARCHAR(8)     NOT NULL, -- JOINED, CHANGED or LEFT
    name         VARCHAR(20000),
    role         VARCHAR(64),
    perspectives VARCHAR(20000), -- comma-separated, primary first
    occurred_at  ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);

CREATE TABLE participation_meeting (
    project_id  VARCHAR(64)  NOT NULL,
    seq_no      BIGINT       NOT NULL,
    meeting_id  VARCHAR(64)  NOT NULL,
    attendees   ${text} NOT NULL, -- member ids, comma-separated
    occurred_at ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
CREATE INDEX ix_participation_meeting ON participation_meeting (project_id, occurred_at);

-- Contributions not retracted, per meeting and member: one count per IPA category (c1..c12 in Bales'
-- order) and the earliest and latest occurredAt among them (bounds: a retraction leaves them as they
-- are). A query takes a row whole when its bounds show asOf and the member's perspectives cannot
-- split it, and reads participation_contribution for the rare row they can.
CREATE TABLE participation_count (
    project_id VARCHAR(64) NOT NULL,
    meeting_id VARCHAR(64) NOT NULL,
    member_id  VARCHAR(64) NOT NULL,
    c1 INT NOT NULL, c2 INT NOT NULL, c3 INT NOT NULL, c4 INT NOT NULL, c5 INT NOT NULL, c6 INT NOT NULL,
    c7 INT NOT NULL, c8 INT NOT NULL, c9 INT NOT NULL, c10 INT NOT NULL, c11 INT NOT NULL, c12 INT NOT NULL,
    first_at   ${timestamptz} NOT NULL,
    last_at    ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, meeting_id, member_id)
);

-- Each contribution not retracted, with its key in participation_count: what a retraction decrements,
-- and the detail of a count a query cannot take whole.
CREATE TABLE participation_contribution (
    project_id      VARCHAR(64) NOT NULL,
    contribution_id VARCHAR(64) NOT NULL,
    meeting_id      VARCHAR(64) NOT NULL,
    member_id       VARCHAR(64) NOT NULL,
    category        SMALLINT    NOT NULL, -- 1..12, Bales' order
    occurred_at     ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, contribution_id)
);
CREATE INDEX ix_participation_contribution ON participation_contribution (project_id, meeting_id);

CREATE TABLE participation_decision (
    project_id  VARCHAR(64)    NOT NULL,
    seq_no      BIGINT         NOT NULL,
    decision_id VARCHAR(64)    NOT NULL,
    step        VARCHAR(16)    NOT NULL, -- PROPOSED or MADE
    method      VARCHAR(32),
    members     VARCHAR(20000) NOT NULL, -- proposedBy or decidedBy, comma-separated
    occurred_at ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);

-- Influences not retracted (a retraction deletes its row: at knownAt = now it never existed).
CREATE TABLE participation_influence (
    project_id   VARCHAR(64) NOT NULL,
    seq_no       BIGINT      NOT NULL,
    decision_id  VARCHAR(64) NOT NULL,
    influence_id VARCHAR(64) NOT NULL,
    member_id    VARCHAR(64) NOT NULL,
    kind         VARCHAR(32) NOT NULL,
    occurred_at  ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
CREATE INDEX ix_participation_influence ON participation_influence (project_id, influence_id);
