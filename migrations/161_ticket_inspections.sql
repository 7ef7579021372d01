-- A 1022 ticket and the inspection its assignment creates (purpose citizen_report) name each other: INSPECT's
-- migration 150 left inspections.ticket_id without its foreign key for this one, after 160's tickets.
ALTER TABLE inspections
  ADD CONSTRAINT inspections_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id);
ALTER TABLE tickets
  ADD CONSTRAINT tickets_inspection_fk FOREIGN KEY (inspection_id) REFERENCES inspections (id);
