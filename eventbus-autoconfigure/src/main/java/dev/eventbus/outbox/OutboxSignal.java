package dev.eventbus.outbox;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the relay's reader when a transaction that wrote events commits, so that events leave
 * at once instead of at the next poll. Each commit is a new generation; a reader that is busy
 * sees the new generation when it is done, and reads again.
 */
public final class OutboxSignal {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition signalled = this.lock.newCondition();

	private volatile long generation;

	/** Called after a commit that appended events. */
	public void committed() {
		this.lock.lock();
		try {
			this.generation++;
			this.signalled.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Wakes every waiting worker (to stop). */
	void wakeAll() {
		this.lock.lock();
		try {
			this.generation++;
			this.signalled.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The current generation: read it before looking at the outbox, then
	 * {@linkplain #await(long, Duration) wait} for a newer one.
	 * @return the number of commits signalled so far
	 */
	long generation() {
		return this.generation;
	}

	/**
	 * Waits until a commit newer than {@code seen} is signalled or the timeout passes.
	 * @param seen the generation the caller has already looked at
	 * @param timeout the longest wait
	 * @return whether a newer commit was signalled
	 * @throws InterruptedException if the thread is interrupted
	 */
	boolean await(long seen, Duration timeout) throws InterruptedException {
		this.lock.lock();
		try {
			long nanos = timeout.toNanos();
			while (this.generation == seen && nanos > 0) {
				nanos = this.signalled.awaitNanos(nanos);
			}
			return this.generation != seen;
		}
		finally {
			this.lock.unlock();
		}
	}

}
