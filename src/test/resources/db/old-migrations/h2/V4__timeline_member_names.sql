-- A member's name per MemberJoined, keyed by the event's sequence number: joins of one member
-- handled on different segments never write the same row, and the timeline shows the latest.
CREATE TABLE timeline_member_name (
    project_id VARCHAR(64)    NOT NULL,
    seq_no     BIGINT         NOT NULL,
    member_id  VARCHAR(64)    NOT NULL,
    name       VARCHAR(20000) NOT NULL,
    PRIMARY KEY (project_id, seq_no)
);
CREATE INDEX ix_timeline_member_name ON timeline_member_name (project_id, member_id);

-- Names kept so far have no sequence number: negative ones rank them before any join handled later.
INSERT INTO timeline_member_name (project_id, seq_no, member_id, name)
SELECT project_id, -ROW_NUMBER() OVER (PARTITION BY project_id ORDER BY member_id), member_id, name
FROM timeline_member;

DROP TABLE timeline_member;
