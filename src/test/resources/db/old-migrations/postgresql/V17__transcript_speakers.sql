-- Which member each speaker of a project's transcripts was mapped to, so that the next transcript of
-- the project comes with its speakers mapped already. The speaker's name is the member's personal
-- text: sealed under their key (with the row's id as associated data), so it is forgotten with
-- their key when they withdraw consent.
CREATE TABLE transcript_speaker (
    speaker_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    project_id VARCHAR(255)  NOT NULL,
    member_id  VARCHAR(255)  NOT NULL,
    speaker    VARCHAR(4000) NOT NULL
);
CREATE INDEX transcript_speaker_project ON transcript_speaker (project_id);
