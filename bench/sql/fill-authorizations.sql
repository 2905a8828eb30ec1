-- Fills oauth2_authorization with copies of one real client-credentials authorization,
-- each with fresh random hashes (and a random refresh-token hash, so that index is as
-- large as the others), until the table holds :target rows. PostgreSQL only.
-- psql -v target=1000000 -f bench/sql/fill-authorizations.sql (with search_path set to the schema)
INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, principal_authorities,
    authorization_grant_type, authorized_scopes, authorization_request, attributes,
    access_token_hash, access_token_issued_at, access_token_expires_at, access_token_metadata,
    access_token_type, access_token_scopes, refresh_token_hash, refresh_token_issued_at,
    refresh_token_expires_at, expires_at, version)
SELECT gen_random_uuid()::text, t.registered_client_id, t.principal_name, t.principal_authorities,
    t.authorization_grant_type, t.authorized_scopes, t.authorization_request, t.attributes,
    encode(sha256(convert_to(gen_random_uuid()::text || g, 'UTF8')), 'hex'),
    now(), now() + interval '1 day', t.access_token_metadata, t.access_token_type, t.access_token_scopes,
    encode(sha256(convert_to(gen_random_uuid()::text || g, 'UTF8')), 'hex'),
    now(), now() + interval '90 days', now() + interval '90 days', 0
FROM (SELECT * FROM oauth2_authorization WHERE access_token_hash IS NOT NULL
        AND authorization_grant_type = 'client_credentials' LIMIT 1) t,
    generate_series(1, GREATEST(0, :target - (SELECT count(*) FROM oauth2_authorization))) g;
ANALYZE oauth2_authorization;
