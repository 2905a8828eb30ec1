-- Rate-limit buckets shared by all nodes on PostgreSQL, in the layout of Bucket4j's JDBC
-- integration: the serialized bucket, and expires_at in epoch milliseconds so that rows of
-- refilled buckets can be removed. The id is the purpose and a keyed digest of the key, so
-- the table names no account and no address. (On H2 buckets are kept in memory and this
-- table stays empty.)
CREATE TABLE abuse_bucket (
    id varchar(200) NOT NULL,
    state bytea,
    expires_at bigint,
    PRIMARY KEY (id)
);
CREATE INDEX abuse_bucket_expires_at ON abuse_bucket (expires_at);

-- Failure counts per object and purpose (e.g. wrong factors of a data link). locked_at is
-- set when the threshold is reached; locked_until is NULL for a lock that holds until reset.
CREATE TABLE abuse_lockout (
    purpose varchar(100) NOT NULL,
    object_id varchar(200) NOT NULL,
    failures integer NOT NULL,
    locked_at timestamp with time zone,
    locked_until timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    PRIMARY KEY (purpose, object_id)
);
