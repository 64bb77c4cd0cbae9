-- Alerts and watchlists (docs/alerts.md): the rules, the alerts they fired, and webhook deliveries that gave up.

-- A rule as POSTed: when_json is the condition as sent (parsed again on start), deliver_* where alerts go.
-- secret: the webhook's HMAC key; it must be readable to sign, so it is stored as given (never returned by the API).
-- owner_token_sha256: hex SHA-256 of the owner token that may change or delete the rule (the token is shown once).
CREATE TABLE alert_rules (
    id                 bigserial   PRIMARY KEY,
    name               text        NOT NULL,
    when_json          text        NOT NULL,
    deliver_webhook    text,
    deliver_secret     text,
    deliver_format     text        NOT NULL DEFAULT 'json',
    cooldown_s         bigint      NOT NULL,
    notify_ended       boolean     NOT NULL DEFAULT false,
    owner_token_sha256 text        NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- Every fired or ended alert. id is the alert's (and the webhook delivery's) id. rule_id keeps no foreign key: the
-- log of a deleted rule stays readable. body: the webhook JSON body (names of people removed).
CREATE TABLE alert_fired (
    id         uuid        PRIMARY KEY,
    rule_id    bigint      NOT NULL,
    kind       text        NOT NULL,
    subject    text        NOT NULL,
    fired_at   timestamptz NOT NULL,
    body       text        NOT NULL
);
CREATE INDEX alert_fired_rule_time ON alert_fired (rule_id, fired_at DESC);
CREATE INDEX alert_fired_time ON alert_fired (fired_at DESC);

-- Webhook deliveries that failed until their retry time ran out (or were refused for good: a 4xx other than 408/429).
CREATE TABLE alert_dead_letters (
    delivery_id uuid        PRIMARY KEY,
    rule_id     bigint      NOT NULL,
    webhook     text        NOT NULL,
    attempts    integer     NOT NULL,
    last_error  text        NOT NULL,
    failed_at   timestamptz NOT NULL,
    body        text        NOT NULL
);
CREATE INDEX alert_dead_letters_rule ON alert_dead_letters (rule_id, failed_at DESC);
