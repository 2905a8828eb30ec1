package io.latchkey.datalink;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A checked request to create a data link.
 */
record NewDataLink(String tenant, JsonNode payload, @Nullable JsonNode schema, FactorType factorType,
		@Nullable String factorValue, @Nullable String factorEmail, @Nullable Duration expiresIn,
		boolean allowsSubmission, @Nullable Integer maxLeases, @Nullable String deliverEmail,
		@Nullable String deliverSms) {

	@Override
	public String toString() {
		return "NewDataLink[tenant=" + this.tenant + ", factor=" + this.factorType + "]";
	}

}
