package io.latchkey.invitation;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who sent a request, as far as the audit log needs to know: address and user agent.
 */
record Origin(String address, @Nullable String userAgent) {

	static Origin of(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return new Origin(request.getRemoteAddr(),
				(agent != null && agent.length() > 200) ? agent.substring(0, 200) : agent);
	}

}
