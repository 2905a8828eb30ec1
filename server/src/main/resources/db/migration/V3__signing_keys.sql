-- Signing keys for JWTs. The private key is stored only as AES-GCM ciphertext under the
-- master key. active_for holds the algorithm while the key is ACTIVE and is NULL
-- otherwise: its unique index allows exactly one active key per algorithm, so nodes that
-- generate or rotate at the same moment cannot both win.
CREATE TABLE signing_key (
    kid varchar(100) NOT NULL,
    algorithm varchar(10) NOT NULL,
    state varchar(10) NOT NULL,
    public_jwk varchar(4000) NOT NULL,
    private_key_encrypted bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    activated_at timestamp with time zone,
    retired_at timestamp with time zone,
    active_for varchar(10),
    PRIMARY KEY (kid)
);
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (active_for);
CREATE INDEX signing_key_algorithm_state ON signing_key (algorithm, state);
