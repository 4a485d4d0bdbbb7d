package dev.eventbus.outbox;

import java.time.Instant;
import java.util.Set;

/**
 * Storage of the relays' partition leases and of the relays that take part. A lease gives one
 * relay the right to relay one partition until it expires; every relay renews its own and
 * notes that it is alive. All times are the database's, so the clocks of the instances need
 * not agree.
 */
public interface RelayLeases {

	/**
	 * Creates the lease rows of partitions that have none (unowned, already expired).
	 * @param count the number of partitions
	 */
	void createPartitions(int count);

	/**
	 * The current time of the database.
	 * @return now
	 */
	Instant now();

	/**
	 * Notes that a relay is alive until the given time.
	 * @param owner the relay
	 * @param until when it counts as gone unless it notes again
	 */
	void alive(String owner, Instant until);

	/**
	 * Counts the relays alive at the given time and forgets the others.
	 * @param now the current time
	 * @return the number of relays alive (at least one while the caller is)
	 */
	int relays(Instant now);

	/**
	 * Extends the unexpired leases of a relay.
	 * @param owner the relay
	 * @param now the current time
	 * @param until the new expiry
	 * @return the partitions the relay holds now
	 */
	Set<Integer> renew(String owner, Instant now, Instant until);

	/**
	 * The partitions whose lease nobody holds (never taken, given back or expired).
	 * @param now the current time
	 * @return the free partitions
	 */
	Set<Integer> free(Instant now);

	/**
	 * Takes the lease of a partition if it is free.
	 * @param partition the partition
	 * @param owner the relay
	 * @param now the current time
	 * @param until the expiry
	 * @return whether the relay holds it now
	 */
	boolean take(int partition, String owner, Instant now, Instant until);

	/**
	 * Gives leases back, so another relay can take them at once.
	 * @param owner the relay
	 * @param partitions the partitions to give back
	 */
	void giveBack(String owner, Set<Integer> partitions);

	/**
	 * Gives every lease of a relay back and forgets the relay (on a clean stop).
	 * @param owner the relay
	 */
	void leave(String owner);

}
