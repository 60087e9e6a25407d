-- Fewer index entries per event: each entry costs a rebuild an insert and a commit step
-- (docs/performance.md, "Sixth session").
--
-- timeline_entry is keyed in the order the timeline reads it, and loses its second index. Its
-- handling is made idempotent by a mark per project (timeline_project) instead of by looking rows
-- up by sequence number, so the timeline is rebuilt: its rows, names and phases are cleared and its
-- processor's tokens removed, and the processor replays the store from the start when it next runs.
DROP TABLE timeline_entry;
CREATE TABLE timeline_entry (
    project_id  VARCHAR(64)   NOT NULL,
    seq_no      BIGINT        NOT NULL,
    event_id    VARCHAR(255)  NOT NULL,
    type        VARCHAR(64)   NOT NULL,
    occurred_at ${timestamptz} NOT NULL,
    recorded_at ${timestamptz} NOT NULL,
    member_ids  ${text} NOT NULL,
    PRIMARY KEY (project_id, occurred_at, recorded_at, seq_no)
);
CREATE TABLE timeline_project (
    project_id VARCHAR(64) NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL
);
DELETE FROM timeline_member_name;
DELETE FROM timeline_phase;
DELETE FROM token_entry WHERE processor_name = 'timeline';

-- participation_contribution is keyed by meeting, what the participation query reads it by, and
-- loses its second index; a retraction finds its contribution among its project's rows.
CREATE TABLE participation_contribution_by_meeting (
    project_id      VARCHAR(64) NOT NULL,
    meeting_id      VARCHAR(64) NOT NULL,
    contribution_id VARCHAR(64) NOT NULL,
    member_id       VARCHAR(64) NOT NULL,
    category        SMALLINT    NOT NULL, -- 1..12, Bales' order
    occurred_at     ${timestamptz} NOT NULL,
    PRIMARY KEY (project_id, meeting_id, contribution_id)
);
INSERT INTO participation_contribution_by_meeting
    (project_id, meeting_id, contribution_id, member_id, category, occurred_at)
SELECT project_id, meeting_id, contribution_id, member_id, category, occurred_at FROM participation_contribution;
DROP TABLE participation_contribution;
ALTER TABLE participation_contribution_by_meeting RENAME TO participation_contribution;
