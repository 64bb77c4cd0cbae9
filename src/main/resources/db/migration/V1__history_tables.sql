-- History schema (docs/history.md). Times are timestamptz (UTC); lengths in metres, speeds in m/s, angles in degrees.

-- Codes (icao24, airport ICAO) use the "C" collation: byte order, so index comparisons are memcmp, not locale rules.

-- Every accepted state. Partitioned by day so retention drops whole partitions and a time window touches only its
-- days; BRIN on time (rows arrive in time order, so block ranges are tight and the index is tiny) and a b-tree on
-- (icao24, time) for trails. Partitions are created ahead by the application (history.Partitions); the default
-- partition catches anything outside them so an insert never fails.
CREATE TABLE positions (
    time              timestamptz      NOT NULL,
    icao24            text COLLATE "C" NOT NULL,
    callsign          text,
    lat               double precision,
    lon               double precision,
    baro_altitude_m   real,
    geo_altitude_m    real,
    velocity_mps      real,
    heading_deg       real,
    vertical_rate_mps real,
    on_ground         boolean          NOT NULL,
    squawk            text,
    source            text             NOT NULL
) PARTITION BY RANGE (time);

CREATE INDEX positions_time_brin ON positions USING brin (time);
CREATE INDEX positions_icao24_time ON positions (icao24, time);
CREATE TABLE positions_default PARTITION OF positions DEFAULT;

-- One row per flight leg; upserted as the leg grows. A leg ends after a contact gap or a landing.
CREATE TABLE flights (
    icao24            text COLLATE "C" NOT NULL,
    first_seen        timestamptz NOT NULL,
    last_seen         timestamptz NOT NULL,
    callsign          text,
    departure_airport text,
    arrival_airport   text,
    max_altitude_m    real,
    PRIMARY KEY (icao24, first_seen)
);
CREATE INDEX flights_last_seen ON flights (last_seen);

CREATE TABLE airports (
    icao        text COLLATE "C" PRIMARY KEY,
    iata        text,
    name        text             NOT NULL,
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    elevation_m real,
    country     text,
    region      text
);
CREATE INDEX airports_region ON airports (region);
CREATE INDEX airports_country ON airports (country);
CREATE INDEX airports_iata ON airports (iata);

-- Airport arrivals and departures from the live movement detector. The unique key makes re-delivery harmless.
CREATE TABLE movements (
    airport  text COLLATE "C" NOT NULL,
    kind     text        NOT NULL CHECK (kind IN ('arrival', 'departure')),
    time     timestamptz NOT NULL,
    icao24   text COLLATE "C" NOT NULL,
    callsign text,
    runway   text,
    PRIMARY KEY (airport, time, icao24, kind)
);
CREATE INDEX movements_time ON movements (time);

-- Anomaly events from the live rules.
CREATE TABLE events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       text        NOT NULL,
    time       timestamptz NOT NULL,
    icao24     text COLLATE "C" NOT NULL,
    callsign   text,
    lat        double precision,
    lon        double precision,
    altitude_m real,
    details    jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX events_time ON events (time);
CREATE INDEX events_kind_time ON events (kind, time);
