-- Indexes of the work lists (issue 11): the carrier's applications by state, and the audit trail filtered by
-- action or by actor, newest first.
CREATE INDEX stations_carrier_state_idx ON stations (carrier_id, state, updated_at);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_name, id);
