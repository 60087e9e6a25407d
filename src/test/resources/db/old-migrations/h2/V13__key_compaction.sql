-- When the database file was last compacted after this key was destroyed: until then, an old page of
-- the file may still hold the destroyed keyset (H2 keeps old pages until it compacts; the
-- application compacts an H2 file at its next start after a withdrawal, docs/privacy.md).
ALTER TABLE member_key ADD COLUMN compacted_at TIMESTAMP(9) WITH TIME ZONE;
