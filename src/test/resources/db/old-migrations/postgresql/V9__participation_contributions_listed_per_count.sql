-- A row per meeting and member instead of a row per contribution: each count row of
-- participation_count keeps the list of contributions behind it (id, category, occurredAt), which a
-- retraction takes out and a question reads one by one (ContributionList). A rebuild writes a few
-- dozen participation rows per batch instead of a few hundred (docs/performance.md, "Sixth session").
--
-- The lists cannot be filled from the rows of participation_contribution in SQL alone, so the
-- participation read model is rebuilt: its rows are cleared and its processor's tokens removed, and
-- the processor replays the store from the start when it next runs.
DELETE FROM token_entry WHERE processor_name = 'participation';
DELETE FROM participation_project;
DELETE FROM participation_phase;
DELETE FROM participation_member;
DELETE FROM participation_meeting;
DELETE FROM participation_count;
DELETE FROM participation_decision;
DELETE FROM participation_influence;
DROP TABLE participation_contribution;
ALTER TABLE participation_count ADD COLUMN contributions TEXT NOT NULL;
