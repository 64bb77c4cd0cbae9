-- VATSIM history (docs/history.md#vatsim): pilots' filed flight plans, ATC sessions, and the source of a movement.
-- Rows written before this migration keep working: the new movements column is nullable and stays NULL (unknown).

-- A pilot flight's filed plan: one row per connection (flight id, the connection's logon time) and plan version.
-- plan_key is 'r<revision>' when the feed numbers its plans, else 'h<first 16 hex digits of a SHA-256 of the plan's
-- fields>' (feeds of 2020/21). The logon is part of the key because revision numbers start again with every new
-- plan and connection: without it, tomorrow's revision 0 would overwrite today's. first_seen/last_seen: source time of
-- the first/last state seen with that plan (last_seen is refreshed when the plan changes, every few minutes, and when
-- the pilot leaves). name: the pilot's name, NULL unless VATSIM_STORE_NAMES=true.
CREATE TABLE flight_plans (
    id                 text COLLATE "C" NOT NULL,
    logon              timestamptz      NOT NULL,
    plan_key           text COLLATE "C" NOT NULL,
    revision           integer,
    source             text             NOT NULL,
    callsign           text,
    cid                bigint,
    name               text,
    flight_rules       text,
    aircraft_type      text,
    equipment          text,
    departure          text,
    arrival            text,
    alternate          text,
    cruise_altitude    text,
    cruise_altitude_ft integer,
    cruise_tas_kt      integer,
    route              text,
    remarks            text,
    departure_time     text,
    enroute_time       text,
    fuel_time          text,
    first_seen         timestamptz      NOT NULL,
    last_seen          timestamptz      NOT NULL,
    PRIMARY KEY (id, logon, plan_key)
);
CREATE INDEX flight_plans_last_seen ON flight_plans (last_seen);
CREATE INDEX flight_plans_callsign ON flight_plans (callsign, first_seen);
CREATE INDEX flight_plans_departure ON flight_plans (departure, first_seen);
CREATE INDEX flight_plans_arrival ON flight_plans (arrival, first_seen);

-- One row per ATC position connection (callsign, logon time), from logon until the position leaves the feed.
-- logoff is NULL while the position is online. name is NULL unless VATSIM_STORE_NAMES=true.
CREATE TABLE atc_sessions (
    callsign        text COLLATE "C" NOT NULL,
    logon           timestamptz      NOT NULL,
    source          text             NOT NULL,
    cid             bigint           NOT NULL,
    name            text,
    kind            text             NOT NULL CHECK (kind IN ('controller', 'atis')),
    facility_id     integer,
    facility_short  text,
    rating_id       integer,
    rating_short    text,
    frequency_mhz   double precision,
    visual_range_nm integer,
    area_kind       text,
    area_id         text,
    atis_code       text,
    last_seen       timestamptz      NOT NULL,
    logoff          timestamptz,
    PRIMARY KEY (callsign, logon)
);
CREATE INDEX atc_sessions_cid ON atc_sessions (cid, logon);
CREATE INDEX atc_sessions_last_seen ON atc_sessions (last_seen);
-- the sessions still open (a restart closes those whose position is no longer online)
CREATE INDEX atc_sessions_open ON atc_sessions (callsign) WHERE logoff IS NULL;

-- The source of the aircraft a movement was detected on (opensky, vatsim, …); NULL for rows written before.
ALTER TABLE movements ADD COLUMN source text;
-- /api/traffic/movements/{airport}?source= and the trends with a source: one airport, one source, a time range.
CREATE INDEX movements_airport_source_time ON movements (airport, source, time);
