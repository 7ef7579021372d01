-- Inspection campaigns (issue 13): an officer chooses assets by area (district codes in force, a drawn polygon)
-- and attributes, then generates one 'campaign' inspection per asset in one transaction. The selection is kept
-- on the campaign so that what was generated can be explained later.
CREATE TABLE campaigns (
  id              bigserial PRIMARY KEY,
  province_code   text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description     text CHECK (length(description) <= 2000),
  asset_kind      text NOT NULL CHECK (asset_kind IN ('station', 'pole', 'cable_route')),
  starts_on       date NOT NULL,
  ends_on         date NOT NULL,
  -- the selection: every given part must hold (NULL: no condition)
  district_codes  text[] CHECK (cardinality(district_codes) > 0),
  area            geometry(MultiPolygon, 4326) CHECK (area IS NULL OR ST_IsValid(area)),
  mast_classes    text[] CHECK (mast_classes <@ ARRAY['A1', 'A1c', 'A2a', 'A2b'] AND cardinality(mast_classes) > 0),
  min_height_m    numeric CHECK (min_height_m >= 0),
  max_height_m    numeric CHECK (max_height_m > 0),
  carrier_ids     integer[] CHECK (cardinality(carrier_ids) > 0),
  states          text[] CHECK (cardinality(states) > 0),
  route_kinds     text[] CHECK (route_kinds <@ ARRAY['underground', 'tidying', 'relocation', 'unlicensed']
                                AND cardinality(route_kinds) > 0),
  -- generation
  state           text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'generated')),
  inspector_ids   integer[],
  due_on          date,
  generated_at    timestamptz,
  generated_by    integer REFERENCES users (id),
  inspection_count integer,
  version         integer NOT NULL DEFAULT 1,
  created_by      integer REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK (min_height_m IS NULL OR max_height_m IS NULL OR max_height_m >= min_height_m),
  CHECK ((state = 'generated') = (generated_at IS NOT NULL AND inspector_ids IS NOT NULL AND due_on IS NOT NULL))
);
CREATE INDEX campaigns_province_idx ON campaigns (province_code, starts_on DESC, id DESC);

ALTER TABLE inspections
  ADD CONSTRAINT inspections_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaigns (id);
-- One campaign inspection per asset and campaign, whatever happens to the generating code.
CREATE UNIQUE INDEX inspections_campaign_asset_idx ON inspections (campaign_id, asset_kind, asset_id)
  WHERE purpose = 'campaign';

-- The district each generated inspection was counted in (the district of the asset on the day of generation,
-- by the units in force then): the dashboard's breakdown and the inspectors' round-robin read it.
CREATE TABLE campaign_inspections (
  inspection_id  bigint PRIMARY KEY REFERENCES inspections (id) ON DELETE CASCADE,
  campaign_id    bigint NOT NULL REFERENCES campaigns (id),
  district_code  text
);
CREATE INDEX campaign_inspections_campaign_idx ON campaign_inspections (campaign_id, district_code);
