package io.latchkey.resource;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import org.jspecify.annotations.Nullable;

/**
 * The issuer's signing keys: the JWKS its discovery document names, found on first use
 * (so the FHIR server may start before Latchkey) and cached by Nimbus. A token signed
 * with a key id not in the cache fetches the set again, which is how rotated keys arrive
 * (the JWKS publishes the active and the previous key).
 */
final class IssuerKeys implements JWKSource<SecurityContext> {

	private static final int TIMEOUT_MILLIS = 5000;

	/** Fetches caused by unknown key ids, at most one per this many milliseconds. */
	private static final long REFRESH_INTERVAL_MILLIS = 5000;

	private final ResourceServerSettings settings;

	private volatile @Nullable JWKSource<SecurityContext> keys;

	IssuerKeys(ResourceServerSettings settings) {
		this.settings = settings;
	}

	@Override
	public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
		return keys().get(selector, context);
	}

	private JWKSource<SecurityContext> keys() throws KeySourceException {
		JWKSource<SecurityContext> known = this.keys;
		if (known != null) {
			return known;
		}
		synchronized (this) {
			if (this.keys == null) {
				try {
					this.keys = JWKSourceBuilder.<SecurityContext>create(jwksUri().toURL())
						.cache(this.settings.jwksCacheTtl().toMillis(), TIMEOUT_MILLIS)
						.rateLimited(REFRESH_INTERVAL_MILLIS)
						.build();
				}
				catch (MalformedURLException ex) {
					throw new KeySourceException("the issuer names a JWKS that is not a URL", ex);
				}
			}
			return this.keys;
		}
	}

	private URI jwksUri() throws KeySourceException {
		try {
			AuthorizationServerMetadata metadata = AuthorizationServerMetadata
				.resolve(new Issuer(this.settings.issuer()), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
			if (metadata.getJWKSetURI() == null) {
				throw new KeySourceException("the issuer's metadata names no jwks_uri");
			}
			return metadata.getJWKSetURI();
		}
		catch (GeneralException | java.io.IOException ex) {
			throw new KeySourceException("the issuer's metadata could not be read: " + ex.getMessage(), ex);
		}
	}

}
