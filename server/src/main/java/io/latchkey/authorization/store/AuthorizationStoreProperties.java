package io.latchkey.authorization.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the authorization store.
 *
 * @param purgeInterval how often authorizations whose tokens have all expired are deleted
 */
@ConfigurationProperties("latchkey.authorization-store")
record AuthorizationStoreProperties(@DefaultValue("10m") Duration purgeInterval) {

}
