-- The read models keep a member's name and an influence's note as the event holds them: sealed under
-- the member's key, opened when a question is answered (Sealing, docs/privacy.md), so no table holds
-- personal text in the clear. Each name row gets the id of the event its sealed value is bound to
-- (influence_record has it already). The rows written before held names and notes in the clear, so
-- these three read models are rebuilt: their rows cleared, their processors' tokens removed; each
-- processor replays the store from the start when it next runs.
ALTER TABLE timeline_member_name ADD COLUMN event_id VARCHAR(36);
ALTER TABLE participation_member ADD COLUMN event_id VARCHAR(36);
ALTER TABLE influence_member ADD COLUMN event_id VARCHAR(36);
DELETE FROM token_entry WHERE processor_name IN ('timeline', 'influence', 'participation');
TRUNCATE TABLE timeline_entry;
TRUNCATE TABLE timeline_member_name;
TRUNCATE TABLE timeline_phase;
TRUNCATE TABLE timeline_project;
TRUNCATE TABLE influence_project;
TRUNCATE TABLE influence_decision;
TRUNCATE TABLE influence_record;
TRUNCATE TABLE influence_discussion;
TRUNCATE TABLE influence_retraction;
TRUNCATE TABLE influence_member;
TRUNCATE TABLE influence_phase;
TRUNCATE TABLE participation_project;
TRUNCATE TABLE participation_phase;
TRUNCATE TABLE participation_member;
TRUNCATE TABLE participation_meeting;
TRUNCATE TABLE participation_count;
TRUNCATE TABLE participation_decision;
TRUNCATE TABLE participation_influence;
