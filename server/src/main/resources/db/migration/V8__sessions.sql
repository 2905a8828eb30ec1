-- Session tokens ended before their expiry (DELETE /api/session, renewal). The jti is an
-- identifier, not a credential: a token is useless without its fingerprint cookie.
CREATE TABLE latchkey_revoked_session (
    jti varchar(64) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    PRIMARY KEY (jti)
);
CREATE INDEX latchkey_revoked_session_expires_at ON latchkey_revoked_session (expires_at);
