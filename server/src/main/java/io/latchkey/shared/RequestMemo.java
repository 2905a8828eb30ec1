package io.latchkey.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Answers of a lookup remembered for the rest of the HTTP request being served, so that
 * the several checks one request passes through (client authentication, a guard, the
 * library's provider, a claims customizer) read a row once. A memo with the same name is
 * the same memo; whoever writes what it remembers calls {@link #forget()}. Outside a
 * request nothing is remembered.
 *
 * @param <K> what the lookup is by
 * @param <V> what it answers
 */
public final class RequestMemo<K, V> {

	private final String attribute;

	public RequestMemo(String name) {
		this.attribute = RequestMemo.class.getName() + "." + name;
	}

	public V get(K key, Supplier<V> lookup) {
		Map<K, V> memo = memo(true);
		if (memo == null) {
			return lookup.get();
		}
		if (memo.containsKey(key)) {
			return memo.get(key);
		}
		V answer = lookup.get();
		memo.put(key, answer);
		return answer;
	}

	/** Drops every remembered answer: what they came from has changed. */
	public void forget() {
		Map<K, V> memo = memo(false);
		if (memo != null) {
			memo.clear();
		}
	}

	@SuppressWarnings("unchecked")
	private @Nullable Map<K, V> memo(boolean create) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return null;
		}
		Object memo = request.getAttribute(this.attribute, RequestAttributes.SCOPE_REQUEST);
		if (memo == null && create) {
			memo = new HashMap<K, V>();
			request.setAttribute(this.attribute, memo, RequestAttributes.SCOPE_REQUEST);
		}
		return (Map<K, V>) memo;
	}

}
