#!/bin/sh
# First start of the database only: a read-only role for Grafana's dashboards. The tables come later (Flyway,
# as the application's role), so the grant is a default privilege of that role.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname ztrade \
     -v reader_password="$GRAFANA_DB_PASSWORD" -v owner="$POSTGRES_USER" <<'SQL'
CREATE ROLE grafana_reader LOGIN PASSWORD :'reader_password';
GRANT CONNECT ON DATABASE ztrade TO grafana_reader;
GRANT USAGE ON SCHEMA public TO grafana_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT ON TABLES TO grafana_reader;
SQL
