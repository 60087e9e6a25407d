-- Read models: disposable, rebuilt from the event store by resetting their processors.
CREATE TABLE project_summary (
    project_id    VARCHAR(64)   PRIMARY KEY,
    title         VARCHAR(20000) NOT NULL,
    description   VARCHAR(20000),
    funded_by     VARCHAR(20000),
    registered_at ${timestamptz} NOT NULL,
    closed_at     ${timestamptz},
    current_phase VARCHAR(20000),
    members       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE timeline_entry (
    project_id  VARCHAR(64)   NOT NULL,
    seq_no     BIGINT        NOT NULL,
    event_id    VARCHAR(255)  NOT NULL,
    type        VARCHAR(64)   NOT NULL,
    occurred_at ${timestamptz} NOT NULL,
    recorded_at ${timestamptz} NOT NULL,
    member_ids  ${text} NOT NULL,
    data        ${text} NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
CREATE INDEX ix_timeline_project_time ON timeline_entry (project_id, occurred_at, recorded_at, seq_no);

CREATE TABLE timeline_member (
    project_id VARCHAR(64)    NOT NULL,
    member_id  VARCHAR(64)    NOT NULL,
    name       VARCHAR(20000) NOT NULL,
    PRIMARY KEY (project_id, member_id)
);

CREATE TABLE timeline_phase (
    project_id VARCHAR(64)    NOT NULL,
    phase_id   VARCHAR(64)    NOT NULL,
    name       VARCHAR(20000) NOT NULL,
    started_at ${timestamptz} NOT NULL,
    seq_no     BIGINT         NOT NULL,
    PRIMARY KEY (project_id, phase_id)
);

CREATE TABLE project_member (
    project_id VARCHAR(64) NOT NULL,
    member_id  VARCHAR(64) NOT NULL,
    active     BOOLEAN     NOT NULL,
    PRIMARY KEY (project_id, member_id)
);
