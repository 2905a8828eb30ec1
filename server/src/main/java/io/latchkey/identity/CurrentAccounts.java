package io.latchkey.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who is behind a token subject now: the local account with that id if it exists and is
 * enabled, otherwise the directory entry with that id if it still maps to a role. What
 * the directory said is used for at most {@code latchkey.identity.recheck-interval} on
 * this node.
 */
@Component
public class CurrentAccounts {

	/** Beyond this many remembered directory answers, stale ones are dropped. */
	private static final int MAX_REMEMBERED = 10_000;

	private final UserAccounts users;

	private final @Nullable DirectoryLookup directory;

	private final IdentitySettings settings;

	private final Clock clock;

	private final Map<String, Checked> checked = new ConcurrentHashMap<>();

	CurrentAccounts(UserAccounts users, DirectorySettings directory, IdentitySettings settings, Clock clock) {
		this.users = users;
		this.directory = directory.enabled() ? DirectoryProviders.lookup(directory) : null;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The person a subject names, as they are now.
	 * @return empty when the account is gone, disabled, or no longer in a mapped group
	 * @throws DirectoryUnavailableException when only the directory could tell and it
	 * cannot be asked
	 */
	public Optional<CurrentPerson> find(String subject) {
		Optional<UserAccount> local = this.users.findBySubject(subject);
		if (local.isPresent()) {
			return local.filter(UserAccount::enabled).map(CurrentPerson::of);
		}
		if (this.directory == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Checked previous = this.checked.get(subject);
		if (previous != null && now.isBefore(previous.at().plus(this.settings.recheckInterval()))) {
			return previous.person();
		}
		Optional<CurrentPerson> person = this.directory.find(subject)
			.map((user) -> new CurrentPerson(subject, user.loginName(), user.directory(),
					SignedInPerson.roles(user.getAuthorities()), null));
		if (this.checked.size() >= MAX_REMEMBERED) {
			this.checked.values().removeIf((old) -> !now.isBefore(old.at().plus(this.settings.recheckInterval())));
		}
		this.checked.put(subject, new Checked(person, now));
		return person;
	}

	private record Checked(Optional<CurrentPerson> person, Instant at) {
	}

}
