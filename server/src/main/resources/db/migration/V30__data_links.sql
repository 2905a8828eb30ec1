-- Data links. The link id in the URL is kept only as the hex SHA-256 of its value; the
-- payload, schema, answer and an email_otp address only encrypted under the master key;
-- second factors (date of birth, PIN, one-time code) only as keyed hashes.
CREATE TABLE data_link (
    id uuid NOT NULL,
    link_hash char(64) NOT NULL,
    tenant varchar(100) NOT NULL,
    payload bytea NOT NULL,
    answer_schema bytea,
    factor_type varchar(20) NOT NULL,
    factor_hash char(64),
    factor_email bytea,
    otp_hash char(64),
    otp_expires_at timestamp with time zone,
    allows_submission boolean NOT NULL,
    max_leases integer,
    leases_granted integer NOT NULL,
    created_by varchar(200),
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    first_visited_at timestamp with time zone,
    locked_at timestamp with time zone,
    revoked_at timestamp with time zone,
    used_at timestamp with time zone,
    used_by varchar(20),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX data_link_hash ON data_link (link_hash);
CREATE INDEX data_link_tenant ON data_link (tenant, created_at);

-- Visits of GET /l/{id} and second-factor attempts, for the admin's history.
CREATE TABLE data_link_event (
    id uuid NOT NULL,
    link_id uuid NOT NULL,
    kind varchar(20) NOT NULL,
    outcome varchar(20),
    at timestamp with time zone NOT NULL,
    address varchar(64),
    user_agent varchar(200),
    PRIMARY KEY (id),
    CONSTRAINT data_link_event_link_fk FOREIGN KEY (link_id) REFERENCES data_link (id) ON DELETE CASCADE
);
CREATE INDEX data_link_event_link ON data_link_event (link_id, at);

-- The one answer a link takes; the primary key makes a second insert fail.
CREATE TABLE data_link_submission (
    link_id uuid NOT NULL,
    answer bytea NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    PRIMARY KEY (link_id),
    CONSTRAINT data_link_submission_link_fk FOREIGN KEY (link_id) REFERENCES data_link (id) ON DELETE CASCADE
);

-- Webhook deliveries of answers, written in the transaction that stores the answer and
-- sent by whichever node claims them; id is the Idempotency-Key receivers see on every
-- attempt. The body carries the answer, so it is encrypted.
CREATE TABLE data_link_webhook (
    id uuid NOT NULL,
    link_id uuid NOT NULL,
    tenant varchar(100) NOT NULL,
    body bytea NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    delivered_at timestamp with time zone,
    failed_at timestamp with time zone,
    last_error varchar(200),
    created_at timestamp with time zone NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT data_link_webhook_link_fk FOREIGN KEY (link_id) REFERENCES data_link (id) ON DELETE CASCADE
);
CREATE INDEX data_link_webhook_due ON data_link_webhook (next_attempt_at);
