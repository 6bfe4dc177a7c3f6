-- FinOps: budgets, their usage per period, reservations, fired alerts and model policies.
-- Money is NUMERIC(19,6): USD to the micro-dollar, never a binary float.

-- One row per budget: global, mission:<id> or team:<name>.
CREATE TABLE budgets (
    scope          VARCHAR(100)  NOT NULL PRIMARY KEY,
    total          NUMERIC(19,6) NOT NULL,
    reset_period   VARCHAR(16)   NOT NULL,
    -- False while the global budget follows DEFAULT_BUDGET_USD; set by PUT.
    total_explicit BOOLEAN       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT budgets_total_ck CHECK (total >= 0)
);

-- What a budget has consumed and holds reserved in one period (2026-11, 2026-W48, 2026-11-28
-- or "all"). Reservations are one conditional UPDATE of this row, so they cannot overspend.
CREATE TABLE budget_periods (
    scope      VARCHAR(100)  NOT NULL,
    period     VARCHAR(16)   NOT NULL,
    total      NUMERIC(19,6) NOT NULL,
    consumed   NUMERIC(19,6) NOT NULL,
    reserved   NUMERIC(19,6) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT budget_periods_pk PRIMARY KEY (scope, period),
    CONSTRAINT budget_periods_budget_fk FOREIGN KEY (scope) REFERENCES budgets (scope),
    CONSTRAINT budget_periods_consumed_ck CHECK (consumed >= 0),
    CONSTRAINT budget_periods_reserved_ck CHECK (reserved >= 0)
);

-- A hold on one or more budgets until the spend is known: held, then committed or released.
CREATE TABLE budget_reservations (
    id            VARCHAR(100)  NOT NULL PRIMARY KEY,
    status        VARCHAR(16)   NOT NULL,
    amount        NUMERIC(19,6) NOT NULL,
    committed_usd NUMERIC(19,6),
    mission_id    VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT budget_reservations_amount_ck CHECK (amount >= 0)
);

CREATE TABLE budget_reservation_scopes (
    reservation_id VARCHAR(100) NOT NULL,
    scope          VARCHAR(100) NOT NULL,
    period         VARCHAR(16)  NOT NULL,
    CONSTRAINT budget_reservation_scopes_pk PRIMARY KEY (reservation_id, scope),
    CONSTRAINT budget_reservation_scopes_fk FOREIGN KEY (reservation_id) REFERENCES budget_reservations (id)
);

CREATE INDEX budget_reservations_mission_idx ON budget_reservations (mission_id);

-- Each threshold of each budget period fires once: this row is written with its evidence event.
CREATE TABLE budget_alerts (
    scope       VARCHAR(100) NOT NULL,
    period      VARCHAR(16)  NOT NULL,
    threshold   INTEGER      NOT NULL,
    alert_id    VARCHAR(200) NOT NULL,
    event_id    VARCHAR(200) NOT NULL,
    fired_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    notified_at TIMESTAMP WITH TIME ZONE,
    delivery    VARCHAR(500),
    CONSTRAINT budget_alerts_pk PRIMARY KEY (scope, period, threshold)
);

-- Which model serves a task; replaces the shipped default policy of the same task.
CREATE TABLE model_policies (
    task           VARCHAR(64)   NOT NULL PRIMARY KEY,
    provider       VARCHAR(32)   NOT NULL,
    model          VARCHAR(100)  NOT NULL,
    budget_ceiling NUMERIC(19,6) NOT NULL,
    priority       INTEGER       NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
