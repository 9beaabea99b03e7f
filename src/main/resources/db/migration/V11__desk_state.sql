-- The desk's safety state, shared by every node and kept across restarts (issue #12 item 3).
-- trading_modes: one row per scope ('desk' or an agent id) that was ever set; no row = ACTIVE.
-- severity orders the modes (0 ACTIVE, 1 REDUCE_ONLY, 2 HALTED) so a hold can tighten in one atomic UPDATE.
-- agent_pauses: the agents whose schedule an operator paused; re-applied to their Quartz triggers at start-up.
-- Portable between H2 and PostgreSQL.
CREATE TABLE trading_modes (
    scope    VARCHAR(128)  PRIMARY KEY,
    mode     VARCHAR(16)   NOT NULL,
    severity SMALLINT      NOT NULL,
    reason   VARCHAR(1000),
    source   VARCHAR(128)  NOT NULL,
    set_by   VARCHAR(128)  NOT NULL,
    set_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE agent_pauses (
    agent_id  VARCHAR(128) PRIMARY KEY,
    paused_by VARCHAR(128) NOT NULL,
    paused_at TIMESTAMP WITH TIME ZONE NOT NULL
);
