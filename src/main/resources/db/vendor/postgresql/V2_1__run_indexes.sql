-- PostgreSQL only: what the Grafana dashboard and the API ask of agent_runs besides V1's indexes.
-- failures and statuses over time
CREATE INDEX agent_runs_status_started ON agent_runs (status, started_at DESC);
-- orders sent to the broker, and the broker's id for a client order id
CREATE INDEX agent_runs_orders ON agent_runs (started_at DESC) WHERE client_order_id IS NOT NULL;
CREATE INDEX agent_runs_client_order ON agent_runs (client_order_id) WHERE client_order_id IS NOT NULL;
