-- One encryption key per member of a project, itself encrypted with the master key (which is not in
-- the database). Destroying a key (consent withdrawn) clears its keyset and keeps the row, so the
-- application knows the member's text was withdrawn rather than never written.
CREATE TABLE member_key (
    project_id   VARCHAR(255)  NOT NULL,
    member_id    VARCHAR(255)  NOT NULL,
    keyset       VARCHAR(4000),
    created_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    destroyed_at TIMESTAMP(9) WITH TIME ZONE,
    PRIMARY KEY (project_id, member_id)
);
