-- Invitation links. The link secret is kept only as the hex SHA-256 of its value, in a
-- uniquely indexed column; a dump of these tables holds nothing a person could redeem.
-- redeemed_challenge is the S256 code_challenge an app sent with the redemption (a hash,
-- not a secret): a retry with the same challenge shortly after gets a fresh code.
CREATE TABLE invitation (
    id uuid NOT NULL,
    secret_hash char(64) NOT NULL,
    client_id varchar(100) NOT NULL,
    subject varchar(200) NOT NULL,
    scopes varchar(1000) NOT NULL,
    created_by varchar(200),
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    redeemed_at timestamp with time zone,
    redeemed_challenge varchar(128),
    delivered_via varchar(40),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX invitation_secret ON invitation (secret_hash);
CREATE INDEX invitation_subject ON invitation (subject, client_id);
CREATE INDEX invitation_client ON invitation (client_id);
CREATE INDEX invitation_expires_at ON invitation (expires_at);

-- The authorizations a redemption minted, so that revoking a redeemed invitation can
-- revoke the tokens it produced.
CREATE TABLE invitation_redemption (
    authorization_id varchar(100) NOT NULL,
    invitation_id uuid NOT NULL,
    redeemed_at timestamp with time zone NOT NULL,
    PRIMARY KEY (authorization_id),
    CONSTRAINT invitation_redemption_invitation_fk FOREIGN KEY (invitation_id)
        REFERENCES invitation (id) ON DELETE CASCADE
);
CREATE INDEX invitation_redemption_invitation ON invitation_redemption (invitation_id);

-- Per-client launch URL (the app's universal or app link) and plain-text message
-- templates; a client without a row uses the server-wide defaults.
CREATE TABLE invitation_client_settings (
    client_id varchar(100) NOT NULL,
    launch_url varchar(1000),
    email_subject varchar(200),
    email_template varchar(4000),
    sms_template varchar(1000),
    updated_at timestamp with time zone NOT NULL,
    PRIMARY KEY (client_id)
);
