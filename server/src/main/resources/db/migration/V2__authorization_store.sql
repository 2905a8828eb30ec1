-- Authorizations: every token, code and state is kept only as the hex SHA-256 of its
-- value, each in its own uniquely indexed column, so a lookup is one index probe and a
-- dump of this table holds nothing a client could present.
CREATE TABLE oauth2_authorization (
    id varchar(100) NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    principal_authorities varchar(4000),
    authorization_grant_type varchar(100) NOT NULL,
    authorized_scopes varchar(1000),
    authorization_request varchar(8000),
    attributes varchar(4000),
    state_hash char(64),
    authorization_code_hash char(64),
    authorization_code_issued_at timestamp with time zone,
    authorization_code_expires_at timestamp with time zone,
    authorization_code_metadata varchar(2000),
    access_token_hash char(64),
    access_token_issued_at timestamp with time zone,
    access_token_expires_at timestamp with time zone,
    access_token_metadata varchar(8000),
    access_token_type varchar(20),
    access_token_scopes varchar(1000),
    oidc_id_token_hash char(64),
    oidc_id_token_issued_at timestamp with time zone,
    oidc_id_token_expires_at timestamp with time zone,
    oidc_id_token_metadata varchar(8000),
    refresh_token_hash char(64),
    refresh_token_issued_at timestamp with time zone,
    refresh_token_expires_at timestamp with time zone,
    refresh_token_metadata varchar(2000),
    user_code_hash char(64),
    user_code_issued_at timestamp with time zone,
    user_code_expires_at timestamp with time zone,
    user_code_metadata varchar(2000),
    device_code_hash char(64),
    device_code_issued_at timestamp with time zone,
    device_code_expires_at timestamp with time zone,
    device_code_metadata varchar(2000),
    expires_at timestamp with time zone,
    version bigint NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT oauth2_authorization_client_fk FOREIGN KEY (registered_client_id)
        REFERENCES oauth2_registered_client (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX oauth2_authorization_state ON oauth2_authorization (state_hash);
CREATE UNIQUE INDEX oauth2_authorization_code ON oauth2_authorization (authorization_code_hash);
CREATE UNIQUE INDEX oauth2_authorization_access_token ON oauth2_authorization (access_token_hash);
CREATE UNIQUE INDEX oauth2_authorization_id_token ON oauth2_authorization (oidc_id_token_hash);
CREATE UNIQUE INDEX oauth2_authorization_refresh_token ON oauth2_authorization (refresh_token_hash);
CREATE UNIQUE INDEX oauth2_authorization_user_code ON oauth2_authorization (user_code_hash);
CREATE UNIQUE INDEX oauth2_authorization_device_code ON oauth2_authorization (device_code_hash);
CREATE INDEX oauth2_authorization_client ON oauth2_authorization (registered_client_id);
CREATE INDEX oauth2_authorization_expires_at ON oauth2_authorization (expires_at);

-- Refresh tokens replaced by rotation. Presenting one again means it leaked, and the
-- whole family (the authorization it belonged to) is revoked (RFC 9700 section 4.14.2).
CREATE TABLE oauth2_retired_refresh_token (
    token_hash char(64) NOT NULL,
    authorization_id varchar(100) NOT NULL,
    retired_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    PRIMARY KEY (token_hash)
);
CREATE INDEX oauth2_retired_refresh_token_expires_at ON oauth2_retired_refresh_token (expires_at);
