-- The automatic appraisal of a plan version (issue 12) and the rule values it and the "in plan" mark read.
-- plan_match_m: a station application within this distance of a site of its carrier's approved plan is "in plan".
-- trench_distance_m / trench_min_length_m: two routes run in one trench when one lies within the distance of the
-- other for at least the length (or both name the same street and come within the distance).
ALTER TABLE station_rules
  ADD COLUMN plan_match_m        numeric NOT NULL DEFAULT 30 CHECK (plan_match_m > 0 AND plan_match_m <= 1000),
  ADD COLUMN trench_distance_m   numeric NOT NULL DEFAULT 15 CHECK (trench_distance_m > 0 AND trench_distance_m <= 200),
  ADD COLUMN trench_min_length_m numeric NOT NULL DEFAULT 100 CHECK (trench_min_length_m > 0);

-- When the checks last ran on a version (its findings below are that run's, replaced whole by the next run).
ALTER TABLE plan_versions ADD COLUMN checked_at timestamptz;

-- One finding of the automatic checks on one feature of a version: a station rule that fails or warns (zone
-- class, zone height, spacing, duplicate, an existing mast to share) or an opportunity found against the other
-- carriers' plans and the existing routes (co-location, shared trench). `other` names what it was found against.
CREATE TABLE plan_findings (
  id             bigserial PRIMARY KEY,
  version_id     integer NOT NULL REFERENCES plan_versions (id),
  feature_index  integer NOT NULL CHECK (feature_index >= 0),
  feature_kind   text NOT NULL CHECK (feature_kind IN ('site', 'route')),
  feature_key    text,
  rule           text NOT NULL CHECK (length(rule) BETWEEN 1 AND 50),
  outcome        text NOT NULL CHECK (outcome IN ('fail', 'warn', 'opportunity')),
  district_code  text,
  other          jsonb,
  detail         jsonb NOT NULL DEFAULT '{}',
  message_vi     text NOT NULL,
  message_en     text NOT NULL
);
CREATE INDEX plan_findings_version_idx ON plan_findings (version_id, rule, district_code);

-- A carrier's answer to an officer's comment of an earlier version, written with the next version.
ALTER TABLE plan_comments ADD COLUMN answers_id integer REFERENCES plan_comments (id);
CREATE INDEX plan_comments_answers_idx ON plan_comments (answers_id) WHERE answers_id IS NOT NULL;
