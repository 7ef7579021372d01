-- The appraisal of a plan version (thẩm định, issue 12): the officer returns it with comments, passes it, and the
-- People's Committee's decision (number, date) approves it. State changes only through server/plans/workflow.ts.
ALTER TABLE plan_versions
  ADD COLUMN decision_number text CHECK (length(decision_number) BETWEEN 1 AND 100),
  ADD COLUMN decision_date   date,
  ADD COLUMN decided_by      integer REFERENCES users (id),
  ADD CONSTRAINT plan_versions_decision CHECK ((state = 'approved') = (decision_number IS NOT NULL)),
  ADD CONSTRAINT plan_versions_decision_date CHECK ((decision_number IS NULL) = (decision_date IS NULL));

-- Comments on a version, or on one of its features (by index). An internal comment is the department's own note:
-- never shown to a carrier. The plan's carrier sees the others and answers them; other carriers see none.
CREATE TABLE plan_comments (
  id             serial PRIMARY KEY,
  version_id     integer NOT NULL REFERENCES plan_versions (id),
  feature_index  integer CHECK (feature_index >= 0),
  author_id      integer NOT NULL REFERENCES users (id),
  body           text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  internal       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_comments_version_idx ON plan_comments (version_id, feature_index);
