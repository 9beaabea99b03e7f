-- Each alert kind's quiet period, shared by every node of a cluster (io.ztrade.alert.QuietPeriods): when an alert of
-- the kind last went out, and how many were held back since. A node sends only after it has moved last_sent forward
-- itself (version: compare and set), so two nodes never both send one failure within the quiet period.
-- Portable between H2 and PostgreSQL.
CREATE TABLE alert_quiet_periods (
    kind      VARCHAR(128) NOT NULL PRIMARY KEY,
    last_sent TIMESTAMP WITH TIME ZONE NOT NULL,
    held_back INTEGER      NOT NULL,
    version   BIGINT       NOT NULL
);
