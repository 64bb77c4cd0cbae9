-- Network-neutral flight ids (docs/history.md#schema, docs/api.md#ids). The key of every history table becomes `id`:
-- the lower-case icao24 for ADS-B flights (so every row written before this migration keeps its key and keeps
-- working), `<network>-<local>` for other networks (vatsim-1234567).
--
-- Writes become idempotent, so a re-delivered Kafka record or a replay restarted on the same database adds no
-- duplicate: positions are unique by (id, time) and events by (kind, id, time); flights and movements already
-- had such keys. Duplicates an older writer may have stored are removed first, keeping the first row.

ALTER TABLE positions RENAME COLUMN icao24 TO id;
DROP INDEX positions_icao24_time;
-- ctid is per partition: compare rows of the same partition (a duplicate always is, having the same time).
DELETE FROM positions p USING positions q
 WHERE p.tableoid = q.tableoid AND p.id = q.id AND p.time = q.time AND p.ctid > q.ctid;
CREATE UNIQUE INDEX positions_id_time ON positions (id, time);

ALTER TABLE flights RENAME COLUMN icao24 TO id;

ALTER TABLE movements RENAME COLUMN icao24 TO id;

ALTER TABLE events RENAME COLUMN id TO event_id;
ALTER TABLE events RENAME COLUMN icao24 TO id;
DELETE FROM events e USING events f
 WHERE e.kind = f.kind AND e.id = f.id AND e.time = f.time AND e.event_id > f.event_id;
CREATE UNIQUE INDEX events_kind_id_time ON events (kind, id, time);
