-- Exceptions to the site rules (issue 11): an application failing a rule is submitted, and approved, only with a
-- reason. Each override is appended here as {action, rules, reason, actorId, actorName, at}; the station's history
-- snapshot and the audit trail (action station.rule_override) keep the same facts.
ALTER TABLE stations ADD COLUMN rule_overrides jsonb NOT NULL DEFAULT '[]';
