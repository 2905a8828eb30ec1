-- Grants of local accounts are keyed by the account's id, which never passes to anyone
-- else, instead of its username, which may be given to a new person once the account is
-- deleted. Existing grants and consents move to the id; browser sessions, which hold the
-- old name, end.
UPDATE oauth2_authorization SET principal_name =
    (SELECT CAST(latchkey_user.id AS varchar(36)) FROM latchkey_user
     WHERE latchkey_user.username = oauth2_authorization.principal_name)
    WHERE principal_name IN (SELECT username FROM latchkey_user);
UPDATE oauth2_authorization_consent SET principal_name =
    (SELECT CAST(latchkey_user.id AS varchar(36)) FROM latchkey_user
     WHERE latchkey_user.username = oauth2_authorization_consent.principal_name)
    WHERE principal_name IN (SELECT username FROM latchkey_user);
DELETE FROM spring_session;

-- Deleting or disabling an account removes the person's grants and consents by subject.
CREATE INDEX oauth2_authorization_principal ON oauth2_authorization (principal_name);
CREATE INDEX oauth2_authorization_consent_principal ON oauth2_authorization_consent (principal_name);

-- Session tokens of a subject issued before not_before are refused on every node: set when
-- the account is deleted or disabled, dropped once every such token has expired.
CREATE TABLE latchkey_session_cutoff (
    subject varchar(200) NOT NULL,
    not_before timestamp with time zone NOT NULL,
    PRIMARY KEY (subject)
);
CREATE INDEX latchkey_session_cutoff_not_before ON latchkey_session_cutoff (not_before);
