-- A member whose key is destroyed (consent withdrawn) is shown as "Withdrawn member N", N counting
-- the project's withdrawals in the order they were recorded. The number is given in the transaction
-- that records the withdrawal and destroys the key, so every view and every instance agrees on it.
ALTER TABLE member_key ADD COLUMN withdrawal_no INTEGER;

UPDATE member_key SET withdrawal_no = (
    SELECT COUNT(*) FROM member_key earlier
    WHERE earlier.project_id = member_key.project_id
      AND earlier.destroyed_at IS NOT NULL
      AND (earlier.destroyed_at < member_key.destroyed_at
           OR (earlier.destroyed_at = member_key.destroyed_at AND earlier.member_id <= member_key.member_id)))
WHERE destroyed_at IS NOT NULL;

CREATE UNIQUE INDEX ux_member_key_withdrawal_no ON member_key (project_id, withdrawal_no);
