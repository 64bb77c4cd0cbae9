-- The role POST /api/database/query runs as (docs/api.md#database-query): it may read the history tables and
-- nothing else. It logs in (the endpoint has a pool of its own under this role, so a query cannot SET ROLE its way
-- back to the application's role), but has no password here: on the embedded server local connections are trusted;
-- on an external database an administrator sets one (docs/deploy.md#the-reader-role-on-an-external-database).
-- Where the migrating user may not create roles, this migration only says so and the query endpoint stays off.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'skysentinel_reader') THEN
        BEGIN
            CREATE ROLE skysentinel_reader LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION
                NOBYPASSRLS CONNECTION LIMIT 8;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'cannot create role skysentinel_reader: no CREATEROLE; see docs/deploy.md';
            RETURN;
        END;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO skysentinel_reader', current_schema());
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO skysentinel_reader', current_schema());
    -- Tables created later by the application's role (day partitions, later migrations) are readable too.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO skysentinel_reader',
                   current_schema());
END
$$;
