package dev.eventbus.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The partitions this relay may relay, kept by leases in the database. Every round (a quarter
 * of the lease duration) the relay notes that it is alive, renews its leases and moves towards
 * its fair share, {@link Partitions#COUNT} divided by the number of relays alive: it takes
 * free partitions (never taken, given back by a relay that stopped, or expired because the
 * relay holding them died) and gives back partitions beyond its share, one round after it
 * stopped relaying them and once none of their events is still being sent, so the relay that
 * takes one over never sends alongside it.
 * <p>
 * A partition counts as held only until half the lease duration after the start of the round
 * that renewed it (by this JVM's clock): a relay that cannot renew (database unreachable, long
 * pause) stops relaying while its lease is still valid in the database, before another relay
 * can take it.
 */
final class PartitionLeases {

	private final RelayLeases leases;

	private final String owner;

	private final Duration duration;

	private final IntPredicate sending;

	/** Partitions being given back: not relayed any more, still leased. */
	private final Set<Integer> leaving = new HashSet<>();

	private volatile Held held = new Held(Set.of(), System.nanoTime(), 0);

	private boolean created;

	/** Left (stopped): no more rounds until {@link #join()}. */
	private boolean left;

	/**
	 * Creates the leases of one relay.
	 * @param leases the lease storage
	 * @param owner the relay's id
	 * @param duration how long a lease lasts without renewal
	 * @param sending whether an event of a partition is being sent
	 */
	PartitionLeases(RelayLeases leases, String owner, Duration duration, IntPredicate sending) {
		this.leases = leases;
		this.owner = owner;
		this.duration = duration;
		this.sending = sending;
	}

	/**
	 * How often {@link #round()} should run.
	 * @return a quarter of the lease duration
	 */
	Duration interval() {
		return this.duration.dividedBy(4);
	}

	/**
	 * The partitions held now.
	 * @return the held partitions
	 */
	Held held() {
		return this.held;
	}

	/** Takes part again after {@link #leave()} (a relay that starts again). */
	synchronized void join() {
		this.left = false;
	}

	/** Renews, takes and gives back leases; the database may throw. Nothing after {@link #leave()}. */
	synchronized void round() {
		if (this.left) {
			return;
		}
		long started = System.nanoTime();
		if (!this.created) {
			this.leases.createPartitions(Partitions.COUNT);
			this.created = true;
		}
		Instant now = this.leases.now();
		Instant until = now.plus(this.duration);
		this.leases.alive(this.owner, until);
		int relays = Math.max(1, this.leases.relays(now));
		Set<Integer> mine = new TreeSet<>(this.leases.renew(this.owner, now, until));
		this.leaving.retainAll(mine);
		Set<Integer> done = new HashSet<>();
		for (Integer partition : this.leaving) {
			if (!this.sending.test(partition)) {
				done.add(partition);
			}
		}
		if (!done.isEmpty()) {
			this.leases.giveBack(this.owner, done);
			mine.removeAll(done);
			this.leaving.removeAll(done);
		}
		int share = (Partitions.COUNT + relays - 1) / relays;
		Set<Integer> active = new TreeSet<>(mine);
		active.removeAll(this.leaving);
		if (active.size() > share) {
			// give back the highest: stop relaying them now, release them next round
			while (active.size() > share) {
				Integer last = ((TreeSet<Integer>) active).last();
				active.remove(last);
				this.leaving.add(last);
			}
		}
		else if (mine.size() < share) {
			for (Integer partition : new TreeSet<>(this.leases.free(now))) {
				if (mine.size() >= share) {
					break;
				}
				if (this.leases.take(partition, this.owner, now, until)) {
					mine.add(partition);
					active.add(partition);
				}
			}
		}
		Held before = this.held;
		// partitions held again after the leases lapsed count as gained: another relay may have
		// relayed them meanwhile, so they are read from their start
		boolean gained = !before.valid(started) || !before.partitions().containsAll(active);
		this.held = new Held(Set.copyOf(active), started + this.duration.toNanos() / 2,
				gained ? before.generation() + 1 : before.generation());
	}

	/** Gives every lease back (on a clean stop); the database may throw. */
	synchronized void leave() {
		this.left = true;
		this.held = new Held(Set.of(), System.nanoTime(), this.held.generation());
		this.leaving.clear();
		this.leases.leave(this.owner);
	}

	/**
	 * The partitions held.
	 *
	 * @param partitions the partitions
	 * @param validUntil until when they count as held ({@link System#nanoTime()})
	 * @param generation goes up every time a partition is gained (then the relay reads the
	 * whole partition again)
	 */
	record Held(Set<Integer> partitions, long validUntil, long generation) {

		/**
		 * Whether the partitions are still held at the given time.
		 * @param nanoTime {@link System#nanoTime()}
		 * @return whether they are
		 */
		boolean valid(long nanoTime) {
			return nanoTime - this.validUntil < 0;
		}

		/**
		 * Whether a partition is held at the given time.
		 * @param partition the partition
		 * @param nanoTime {@link System#nanoTime()}
		 * @return whether it is
		 */
		boolean holds(int partition, long nanoTime) {
			return valid(nanoTime) && this.partitions.contains(partition);
		}

	}

}
