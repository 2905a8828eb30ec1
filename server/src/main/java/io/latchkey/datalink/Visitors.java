package io.latchkey.datalink;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who is at the other end of a request: the client address as the container decided it
 * from {@code latchkey.web.trusted-proxies}, and the user agent, shortened.
 */
@Component
class Visitors {

	Visitor of(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return new Visitor(request.getRemoteAddr(),
				(agent != null && agent.length() > 200) ? agent.substring(0, 200) : agent);
	}

	/**
	 * The address and user agent of one request.
	 */
	record Visitor(String address, @Nullable String userAgent) {

	}

}
