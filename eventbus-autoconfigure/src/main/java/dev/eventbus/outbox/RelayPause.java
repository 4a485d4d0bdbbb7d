package dev.eventbus.outbox;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The wait of the relay's lease and purge threads between their rounds, cut short when the
 * relay stops.
 */
final class RelayPause {

	private final Object monitor = new Object();

	/**
	 * Waits, unless the relay stops.
	 * @param wait how long
	 * @param running whether the relay runs (checked under the lock {@link #wakeAll()} takes,
	 * so a stop is never missed)
	 * @return false when the thread was interrupted
	 */
	boolean pause(Duration wait, BooleanSupplier running) {
		synchronized (this.monitor) {
			if (running.getAsBoolean()) {
				try {
					this.monitor.wait(Math.max(1, wait.toMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

	/** Ends every wait (the relay stops). */
	void wakeAll() {
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
	}

}
