-- A notification may go to one user (an inspector told of the inspections assigned to them), besides a carrier
-- (all its users) or a role. Exactly one recipient, as before.
ALTER TABLE notifications ADD COLUMN recipient_user_id integer REFERENCES users (id);
ALTER TABLE notifications DROP CONSTRAINT notifications_check;
ALTER TABLE notifications
  ADD CONSTRAINT notifications_one_recipient
  CHECK (num_nonnulls(recipient_carrier_id, recipient_role, recipient_user_id) = 1);
CREATE INDEX notifications_user_idx ON notifications (recipient_user_id, id) WHERE recipient_user_id IS NOT NULL;
