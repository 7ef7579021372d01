-- Field inspections of any asset (issue 13): checklists per asset kind (data, editable by an officer), the
-- province's inspection rule values (tolerances), the inspections themselves, their photos and the follow-ups of
-- violations. Every table is scoped by province. Province '00' holds the default rows any province starts from
-- (a province's own row, once an officer saves one, wins over it).

CREATE TABLE inspection_rules (
  province_code         text PRIMARY KEY CHECK (province_code ~ '^[0-9]{2}$'),
  -- measured height over the approved height by more than this is a violation (height_over)
  height_tolerance_m    numeric NOT NULL CHECK (height_tolerance_m >= 0),
  -- a measured position farther than this from the record is a violation (position_off), on the ellipsoid
  position_tolerance_m  numeric NOT NULL CHECK (position_tolerance_m > 0),
  -- aerial cable sag above this is a violation (sag_over); NULL: the province sets no such limit
  max_sag_cm            numeric CHECK (max_sag_cm IS NULL OR max_sag_cm > 0),
  -- days the carrier has to answer a violation, and the inspector to re-check after the answer
  follow_up_days        integer NOT NULL CHECK (follow_up_days BETWEEN 1 AND 365),
  recheck_days          integer NOT NULL CHECK (recheck_days BETWEEN 1 AND 365),
  updated_by            integer REFERENCES users (id),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
INSERT INTO inspection_rules (province_code, height_tolerance_m, position_tolerance_m, max_sag_cm, follow_up_days,
                              recheck_days)
VALUES ('00', 1, 10, NULL, 30, 7);

-- The checklist of an asset kind. items: [{key, labelVi, labelEn, kind: boolean|number|text|choice, unit?,
-- choices?, required?}]; a required boolean item must be answered true (false is a violation of that item).
CREATE TABLE inspection_checklists (
  province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  asset_kind     text NOT NULL CHECK (asset_kind IN ('station', 'pole', 'cable_route', 'duct')),
  items          jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
  version        integer NOT NULL DEFAULT 1,
  updated_by     integer REFERENCES users (id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, asset_kind)
);
INSERT INTO inspection_checklists (province_code, asset_kind, items) VALUES
('00', 'station', '[
  {"key": "site_plate", "labelVi": "Có biển tên trạm và nhà mạng", "labelEn": "Site and operator plate present",
   "kind": "boolean", "required": true},
  {"key": "emf_warning", "labelVi": "Có biển cảnh báo điện từ trường", "labelEn": "EMF warning sign present",
   "kind": "boolean", "required": true},
  {"key": "fence_locked", "labelVi": "Hàng rào, cửa trạm khoá an toàn", "labelEn": "Fence and door locked",
   "kind": "boolean", "required": true},
  {"key": "grounding", "labelVi": "Tiếp địa, chống sét đầy đủ", "labelEn": "Grounding and lightning protection",
   "kind": "boolean", "required": true},
  {"key": "structure", "labelVi": "Tình trạng kết cấu cột", "labelEn": "Mast structure condition",
   "kind": "choice", "choices": ["good", "rusty", "damaged"]},
  {"key": "remarks", "labelVi": "Ghi chú", "labelEn": "Remarks", "kind": "text"}
]'),
('00', 'pole', '[
  {"key": "upright", "labelVi": "Cột thẳng, không nghiêng, không nứt", "labelEn": "Pole upright, not cracked",
   "kind": "boolean", "required": true},
  {"key": "not_wooden", "labelVi": "Không phải cột gỗ, cột tạm", "labelEn": "Not a wooden or makeshift pole",
   "kind": "boolean", "required": true},
  {"key": "cables_tidy", "labelVi": "Cáp bó gọn, không rối", "labelEn": "Cables bundled and tidy",
   "kind": "boolean", "required": true},
  {"key": "labels_present", "labelVi": "Cáp có thẻ nhận dạng nhà mạng", "labelEn": "Cables carry operator tags",
   "kind": "boolean", "required": true},
  {"key": "no_unlicensed_cable", "labelVi": "Không có cáp treo không phép", "labelEn": "No unlicensed cable",
   "kind": "boolean", "required": true},
  {"key": "material", "labelVi": "Vật liệu cột", "labelEn": "Pole material",
   "kind": "choice", "choices": ["concrete", "steel", "wood"]},
  {"key": "remarks", "labelVi": "Ghi chú", "labelEn": "Remarks", "kind": "text"}
]'),
('00', 'cable_route', '[
  {"key": "sag_ok", "labelVi": "Cáp không võng, đủ khoảng cách an toàn", "labelEn": "No sag, safe clearance",
   "kind": "boolean", "required": true},
  {"key": "labels_present", "labelVi": "Cáp có thẻ nhận dạng nhà mạng", "labelEn": "Cables carry operator tags",
   "kind": "boolean", "required": true},
  {"key": "no_unlicensed_cable", "labelVi": "Không có cáp treo không phép", "labelEn": "No unlicensed cable",
   "kind": "boolean", "required": true},
  {"key": "old_cable_removed", "labelVi": "Cáp cũ đã thu hồi", "labelEn": "Old cable removed",
   "kind": "boolean"},
  {"key": "sag_cm", "labelVi": "Độ võng lớn nhất", "labelEn": "Largest sag", "kind": "number", "unit": "cm"},
  {"key": "remarks", "labelVi": "Ghi chú", "labelEn": "Remarks", "kind": "text"}
]'),
('00', 'duct', '[
  {"key": "covers_ok", "labelVi": "Nắp bể cáp đầy đủ, an toàn", "labelEn": "Manhole covers in place and safe",
   "kind": "boolean", "required": true},
  {"key": "labels_present", "labelVi": "Cáp trong bể có thẻ nhận dạng", "labelEn": "Cables in the duct are tagged",
   "kind": "boolean", "required": true},
  {"key": "no_water", "labelVi": "Bể cáp không ngập nước", "labelEn": "Manhole not flooded", "kind": "boolean"},
  {"key": "remarks", "labelVi": "Ghi chú", "labelEn": "Remarks", "kind": "text"}
]');
-- Hồ Chí Minh City starts from the defaults, as its own rows.
INSERT INTO inspection_checklists (province_code, asset_kind, items)
SELECT '79', asset_kind, items FROM inspection_checklists WHERE province_code = '00';

-- One inspection of one asset. asset_id names a station, a pole or a cable route (duct: the route whose duct);
-- asset_version is the asset's version when assigned, then the one the inspector saw (the result says it).
-- inspector_id NULL: waiting for an officer to assign it (a post-construction inspection the carrier asked for).
CREATE TABLE inspections (
  id                 bigserial PRIMARY KEY,
  province_code      text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  asset_kind         text NOT NULL CHECK (asset_kind IN ('station', 'pole', 'cable_route', 'duct')),
  asset_id           bigint NOT NULL,
  asset_version      integer NOT NULL,
  purpose            text NOT NULL
                       CHECK (purpose IN ('routine', 'post_construction', 'campaign', 'citizen_report', 'follow_up')),
  campaign_id        bigint,
  ticket_id          bigint,
  carrier_id         integer REFERENCES carriers (id),
  inspector_id       integer REFERENCES users (id),
  due_on             date,
  state              text NOT NULL DEFAULT 'assigned' CHECK (state IN ('assigned', 'recorded', 'cancelled')),
  verdict            text CHECK (verdict IN ('compliant', 'violation', 'no_access')),
  violations         jsonb NOT NULL DEFAULT '[]',
  measured           jsonb NOT NULL DEFAULT '{}',
  answers            jsonb NOT NULL DEFAULT '{}',
  checklist_version  integer,
  position           geometry(Point, 4326),
  position_offset_m  numeric,
  note               text CHECK (length(note) <= 4000),
  follow_up_due      date,
  client_id          uuid UNIQUE,
  recorded_at        timestamptz,
  recorded_by        integer REFERENCES users (id),
  synced_at          timestamptz,
  created_by         integer REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  CHECK ((state = 'recorded') = (verdict IS NOT NULL)),
  CHECK (state <> 'recorded' OR (recorded_at IS NOT NULL AND client_id IS NOT NULL)),
  CHECK (verdict IS DISTINCT FROM 'violation' OR follow_up_due IS NOT NULL)
);
CREATE INDEX inspections_inspector_idx ON inspections (inspector_id, state, due_on);
CREATE INDEX inspections_asset_idx ON inspections (asset_kind, asset_id, created_at);
CREATE INDEX inspections_campaign_idx ON inspections (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX inspections_ticket_idx ON inspections (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX inspections_list_idx ON inspections (province_code, state, due_on, id);
CREATE INDEX inspections_carrier_idx ON inspections (carrier_id, id) WHERE state = 'recorded';
-- At most one open post-construction inspection per asset: asking again finds the one there is.
CREATE UNIQUE INDEX inspections_open_post_construction_idx ON inspections (asset_kind, asset_id)
  WHERE purpose = 'post_construction' AND state = 'assigned';

-- Photos of an inspection (the inspector's) or of a follow-up's answer (the carrier's), kept in the database so
-- they commit with the record. client_id is the device's id of the photo: a replayed upload stores nothing new.
-- taken_at and geom come from the photo's EXIF (DateTimeOriginal, GPS), when it has them.
CREATE TABLE inspection_photos (
  id             bigserial PRIMARY KEY,
  province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  inspection_id  bigint NOT NULL REFERENCES inspections (id),
  source         text NOT NULL DEFAULT 'inspector' CHECK (source IN ('inspector', 'carrier')),
  client_id      uuid UNIQUE,
  media_type     text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  byte_size      integer NOT NULL CHECK (byte_size > 0),
  sha256         text NOT NULL,
  content        bytea NOT NULL,
  taken_at       timestamptz,
  geom           geometry(Point, 4326),
  uploaded_by    integer REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_photos_inspection_idx ON inspection_photos (inspection_id, id);

-- The follow-up of a violation: the carrier answers (text + photo) before due_on, the inspector re-checks (a
-- follow_up inspection); a compliant re-check closes it. 'overdue' is computed (open past due_on), never stored.
CREATE TABLE inspection_follow_ups (
  id                     bigserial PRIMARY KEY,
  province_code          text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  inspection_id          bigint NOT NULL UNIQUE REFERENCES inspections (id),
  carrier_id             integer REFERENCES carriers (id),
  due_on                 date NOT NULL,
  state                  text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered', 'closed')),
  answer                 text CHECK (length(answer) <= 4000),
  answer_photo_id        bigint REFERENCES inspection_photos (id),
  answered_at            timestamptz,
  answered_by            integer REFERENCES users (id),
  recheck_inspection_id  bigint REFERENCES inspections (id),
  closed_at              timestamptz,
  version                integer NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (state = 'open' OR answered_at IS NOT NULL OR closed_at IS NOT NULL),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX inspection_follow_ups_due_idx ON inspection_follow_ups (province_code, state, due_on);
CREATE INDEX inspection_follow_ups_carrier_idx ON inspection_follow_ups (carrier_id, state, due_on);
CREATE INDEX inspection_follow_ups_recheck_idx ON inspection_follow_ups (recheck_inspection_id)
  WHERE recheck_inspection_id IS NOT NULL;
