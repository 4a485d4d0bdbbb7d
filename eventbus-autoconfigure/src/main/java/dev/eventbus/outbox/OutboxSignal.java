package dev.eventbus.outbox;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the relay when a transaction that wrote events commits, so that events leave at once
 * instead of at the next poll.
 */
public final class OutboxSignal {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition signalled = this.lock.newCondition();

	private boolean pending;

	/** Called after a commit that appended events. */
	public void committed() {
		this.lock.lock();
		try {
			this.pending = true;
			this.signalled.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits until a commit is signalled or the timeout passes, and clears the signal.
	 * @param timeout the longest wait
	 * @return whether a commit was signalled
	 * @throws InterruptedException if the thread is interrupted
	 */
	boolean await(Duration timeout) throws InterruptedException {
		this.lock.lock();
		try {
			long nanos = timeout.toNanos();
			while (!this.pending && nanos > 0) {
				nanos = this.signalled.awaitNanos(nanos);
			}
			boolean result = this.pending;
			this.pending = false;
			return result;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Drops a pending signal (the relay is about to look anyway). */
	void clear() {
		this.lock.lock();
		try {
			this.pending = false;
		}
		finally {
			this.lock.unlock();
		}
	}

}
