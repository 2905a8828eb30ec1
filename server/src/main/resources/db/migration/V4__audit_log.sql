-- Security events, append-only. Records form a hash chain: hash is the hex SHA-256 of
-- prev_hash followed by the record's canonical content (see AuditRecord), and ids run
-- 1, 2, 3 ... without gaps, so a modified, deleted or inserted row breaks the chain.
CREATE TABLE audit_event (
    id bigint NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    event_type varchar(64) NOT NULL,
    outcome varchar(10) NOT NULL,
    actor_type varchar(10) NOT NULL,
    actor varchar(200),
    subject varchar(200),
    tenant varchar(100),
    client_ip varchar(45),
    user_agent varchar(400),
    detail varchar(2000) NOT NULL,
    prev_hash char(64) NOT NULL,
    hash char(64) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX audit_event_type ON audit_event (event_type, occurred_at);
CREATE INDEX audit_event_subject ON audit_event (subject, occurred_at);

-- The end of the chain. Every append locks this one row (SELECT ... FOR UPDATE) for the
-- length of its short transaction, so appends from any number of threads and nodes
-- form one chain.
CREATE TABLE audit_chain_head (
    id int NOT NULL,
    last_id bigint NOT NULL,
    last_hash char(64) NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO audit_chain_head (id, last_id, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
