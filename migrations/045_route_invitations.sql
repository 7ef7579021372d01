-- Shared cable routes need each carrier's consent. cable_routes.carrier_ids holds the carriers that take part
-- (and whose ledger and summary count the route); a carrier named on a route by another carrier is only
-- invited here until it accepts (it then moves to carrier_ids) or declines (the row goes).
CREATE TABLE route_invitations (
  route_id               bigint NOT NULL REFERENCES cable_routes (id) ON DELETE CASCADE,
  carrier_id             integer NOT NULL REFERENCES carriers (id),
  invited_by             integer REFERENCES users (id),
  invited_by_carrier_id  integer REFERENCES carriers (id),
  invited_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (route_id, carrier_id)
);
CREATE INDEX route_invitations_carrier_idx ON route_invitations (carrier_id);
