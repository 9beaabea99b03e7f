-- One row per agent run: exactly what the route saw, written by the performance wireTap.
-- Portable between H2 (embedded default) and PostgreSQL (production).
CREATE TABLE agent_runs (
    run_id                 VARCHAR(36)      NOT NULL PRIMARY KEY,
    agent_id               VARCHAR(64)      NOT NULL,
    symbol                 VARCHAR(32)      NOT NULL,
    asset_class            VARCHAR(16)      NOT NULL,
    run_trigger            VARCHAR(16)      NOT NULL,
    scheduled_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at            TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(32)      NOT NULL,
    degraded               BOOLEAN          NOT NULL,
    price                  DOUBLE PRECISION,
    bid                    DOUBLE PRECISION,
    ask                    DOUBLE PRECISION,
    sentiment_score        DOUBLE PRECISION,
    sentiment_confidence   DOUBLE PRECISION,
    sentiment_unavailable  VARCHAR(1000),
    technical_signal       DOUBLE PRECISION,
    technical_confidence   DOUBLE PRECISION,
    decision               VARCHAR(8),
    decision_score         DOUBLE PRECISION,
    rationale              VARCHAR(2000),
    risk_verdict           VARCHAR(16),
    risk_reasons           VARCHAR(4000),
    order_side             VARCHAR(8),
    order_qty              NUMERIC(28, 9),
    order_notional         NUMERIC(28, 2),
    client_order_id        VARCHAR(48),
    broker_order_id        VARCHAR(64),
    order_status           VARCHAR(32),
    fill_qty               NUMERIC(28, 9),
    fill_price             NUMERIC(28, 9),
    step_timings           VARCHAR(4000),
    note                   VARCHAR(4000),
    error                  VARCHAR(4000),
    run_json               VARCHAR(1000000) NOT NULL
);

-- the API and console ask for the latest runs, overall and per agent; risk counts today's orders per agent
CREATE INDEX agent_runs_started ON agent_runs (started_at DESC);
CREATE INDEX agent_runs_agent_started ON agent_runs (agent_id, started_at DESC);
CREATE INDEX agent_runs_agent_order ON agent_runs (agent_id, client_order_id);
