package dev.eventbus.outbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Where the relay's reader reads next. It keeps a position, the highest id read so far, and
 * reads on from it, so a read is a short range scan of the index of unpublished rows.
 * <p>
 * An event can be left behind the position: it was skipped because its entity waits for the
 * retry of an earlier event, its attempt failed, a sender handed it back, or its transaction
 * committed after rows with higher ids were read (ids are taken at insert, before the commit).
 * So the reader reads again from further back, a <em>rescan</em>: every poll interval (and
 * when events were left behind) from the lowest id left behind and from the position of
 * {@value #LATE_SECONDS} seconds before (which covers late commits), every
 * {@value #FULL_RESCAN_MINUTES} minutes and whenever a partition is gained from the start. A
 * rescan goes on batch by batch until it reads less than a full batch.
 */
final class ReadPosition {

	/** How far back (in seconds of reading) a rescan looks for late commits. */
	static final int LATE_SECONDS = 10;

	/** How often (in minutes) a rescan reads the held partitions from the start. */
	static final int FULL_RESCAN_MINUTES = 10;

	private final Duration pollInterval;

	/** The highest id read. */
	private long position;

	/** Where the rescan in progress reads next, or -1. */
	private long rescanFrom = -1;

	private long nextRescan = System.nanoTime();

	private long nextFullRescan = System.nanoTime();

	private long generation = -1;

	/** The position at each rescan: (nanoTime, position). */
	private final ArrayDeque<long[]> positions = new ArrayDeque<>();

	/**
	 * Creates the position of a reader.
	 * @param pollInterval how often a rescan starts
	 */
	ReadPosition(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	/**
	 * Where the next read starts, starting a rescan when one is due.
	 * @param generation the generation of the held partitions (a new one: a partition was
	 * gained)
	 * @param nanoNow {@link System#nanoTime()}
	 * @param leftBehind whether events were left behind since the last read (asked only when
	 * no rescan from the start is due)
	 * @param lowestLeft takes the lowest id left behind, {@link Long#MAX_VALUE} for none
	 * @return the id to read after
	 */
	long next(long generation, long nanoNow, BooleanSupplier leftBehind, LongSupplier lowestLeft) {
		if (generation != this.generation) {
			this.generation = generation;
			startRescan(0, nanoNow);
		}
		else if (nanoNow - this.nextFullRescan >= 0) {
			startRescan(0, nanoNow);
		}
		else if (leftBehind.getAsBoolean() || nanoNow - this.nextRescan >= 0) {
			startRescan(rescanStart(nanoNow, lowestLeft), nanoNow);
		}
		return (this.rescanFrom >= 0) ? this.rescanFrom : this.position;
	}

	/**
	 * Moves on after a read.
	 * @param last the highest id the read returned
	 * @param full whether the read returned a full batch (more may be waiting)
	 */
	void read(long last, boolean full) {
		this.position = Math.max(this.position, last);
		if (this.rescanFrom >= 0) {
			this.rescanFrom = full ? last : -1;
		}
	}

	/**
	 * When the next rescan is due.
	 * @return {@link System#nanoTime()} of the next rescan
	 */
	long nextRescan() {
		return this.nextRescan;
	}

	private void startRescan(long from, long nanoNow) {
		// a rescan in progress may not have reached what it started for: never skip its range
		this.rescanFrom = (this.rescanFrom >= 0) ? Math.min(this.rescanFrom, Math.max(0, from)) : Math.max(0, from);
		this.nextRescan = nanoNow + this.pollInterval.toNanos();
		if (from == 0) {
			this.nextFullRescan = nanoNow + Duration.ofMinutes(FULL_RESCAN_MINUTES).toNanos();
		}
		this.positions.addLast(new long[] { nanoNow, this.position });
	}

	/** From the lowest id left behind, and from the position of a while ago. */
	private long rescanStart(long nanoNow, LongSupplier lowestLeft) {
		long lateBefore = nanoNow - Duration.ofSeconds(LATE_SECONDS).toNanos();
		while (this.positions.size() > 1) {
			long[] first = this.positions.removeFirst();
			if (this.positions.peekFirst()[0] - lateBefore >= 0) {
				this.positions.addFirst(first);
				break;
			}
		}
		long[] oldest = this.positions.peekFirst();
		long late = (oldest != null && oldest[0] - lateBefore < 0) ? oldest[1] : 0;
		long left = lowestLeft.getAsLong();
		return (left == Long.MAX_VALUE) ? late : Math.min(late, left - 1);
	}

}
