-- The timeline no longer keeps a copy of each event's data: its query reads the data from the
-- event store by (project, sequence), the store's own unique index, for the page it answers. The
-- copy made a rebuild write every payload a second time (docs/performance.md).
ALTER TABLE timeline_entry DROP COLUMN data;
