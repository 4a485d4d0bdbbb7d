package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * {@link RelayLeases} in memory for the relay's unit tests, with the semantics of
 * {@link JdbcRelayLeases}: a lease is free when it has no owner or has expired, taking one is
 * atomic, renewing extends only the unexpired leases of the owner. Time comes from a clock the
 * tests may move, so leases can be made to expire.
 */
final class InMemoryRelayLeases implements RelayLeases {

	private static final Instant NEVER = Instant.parse("2000-01-01T00:00:00Z");

	private final Map<Integer, Lease> leases = new TreeMap<>();

	private final Map<String, Instant> relays = new HashMap<>();

	private final Clock clock;

	InMemoryRelayLeases(Clock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized void createPartitions(int count) {
		for (int partition = 0; partition < count; partition++) {
			this.leases.putIfAbsent(partition, new Lease(null, NEVER));
		}
	}

	@Override
	public Instant now() {
		return this.clock.instant();
	}

	@Override
	public synchronized void alive(String owner, Instant until) {
		this.relays.put(owner, until);
	}

	@Override
	public synchronized int relays(Instant now) {
		this.relays.values().removeIf((until) -> until.isBefore(now));
		return this.relays.size();
	}

	@Override
	public synchronized Set<Integer> renew(String owner, Instant now, Instant until) {
		Set<Integer> renewed = new HashSet<>();
		this.leases.replaceAll((partition, lease) -> {
			if (owner.equals(lease.owner()) && !lease.expiresAt().isBefore(now)) {
				renewed.add(partition);
				return new Lease(owner, until);
			}
			return lease;
		});
		return renewed;
	}

	@Override
	public synchronized Set<Integer> free(Instant now) {
		Set<Integer> free = new HashSet<>();
		this.leases.forEach((partition, lease) -> {
			if (lease.isFree(now)) {
				free.add(partition);
			}
		});
		return free;
	}

	@Override
	public synchronized boolean take(int partition, String owner, Instant now, Instant until) {
		Lease lease = this.leases.get(partition);
		if (lease == null || !lease.isFree(now)) {
			return false;
		}
		this.leases.put(partition, new Lease(owner, until));
		return true;
	}

	@Override
	public synchronized void giveBack(String owner, Set<Integer> partitions) {
		for (Integer partition : partitions) {
			if (owner.equals(this.leases.get(partition).owner())) {
				this.leases.put(partition, new Lease(null, NEVER));
			}
		}
	}

	@Override
	public synchronized void leave(String owner) {
		this.leases.replaceAll((partition, lease) -> owner.equals(lease.owner()) ? new Lease(null, NEVER) : lease);
		this.relays.remove(owner);
	}

	/**
	 * The partitions whose lease an owner holds unexpired now.
	 * @param owner the relay
	 * @return the partitions
	 */
	synchronized Set<Integer> leasedTo(String owner) {
		Instant now = now();
		Set<Integer> leased = new HashSet<>();
		this.leases.forEach((partition, lease) -> {
			if (owner.equals(lease.owner()) && !lease.isFree(now)) {
				leased.add(partition);
			}
		});
		return leased;
	}

	/**
	 * The relays noted alive.
	 * @return their owners
	 */
	synchronized Set<String> relays() {
		return Set.copyOf(this.relays.keySet());
	}

	private record Lease(@Nullable String owner, Instant expiresAt) {

		boolean isFree(Instant now) {
			return this.owner == null || this.expiresAt.isBefore(now);
		}

	}

}
