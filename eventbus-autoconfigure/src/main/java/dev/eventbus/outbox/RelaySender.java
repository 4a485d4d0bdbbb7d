package dev.eventbus.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One sending thread of the relay. The reader hands it events, and it takes everything that
 * has queued up meanwhile (up to the batch size) as one batch, in the order handed (so the
 * events of one entity, which always come to the same sender, leave in order): at a low rate
 * an event leaves alone at once, at a high rate the events of many commits share
 * {@code PublishBatch} calls. {@link BatchSender} sends the batch; while the broker cannot be
 * reached at all, this thread waits out the relay's pause before it takes the next one.
 */
final class RelaySender {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	/** The rate (events a second for this sender) from which a small batch waits for more. */
	static final int LINGER_RATE = 500;

	/** How long a small batch waits for more at a high rate. */
	static final int LINGER_MICROS = 1000;

	private static final long RATE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	/** Events taken in the current rate window. */
	private long windowEvents;

	private long windowStart = System.nanoTime();

	/** Events a second taken in the last rate window. */
	private double rate;

	/** Events waiting for this sender: two batches (the reader reads ahead by that much). */
	private final BlockingQueue<PendingEvent> queue;

	private final int batchSize;

	private final RelayState state;

	private final BatchSender batches;

	/**
	 * Creates a sender.
	 * @param state what the reader and the senders share
	 * @param batchSize the most events of one batch
	 * @param batches sends a batch
	 */
	RelaySender(RelayState state, int batchSize, BatchSender batches) {
		this.queue = new ArrayBlockingQueue<>(2 * batchSize);
		this.batchSize = batchSize;
		this.state = state;
		this.batches = batches;
	}

	/**
	 * Hands events to this sender, waiting while its queue is full. Events it could not take
	 * because the relay stopped meanwhile are handed back.
	 * @param events the events, in id order
	 * @param running whether the relay still runs
	 * @throws InterruptedException if the thread is interrupted
	 */
	void hand(List<PendingEvent> events, BooleanSupplier running) throws InterruptedException {
		int handed = 0;
		try {
			while (handed < events.size() && running.getAsBoolean()) {
				if (this.queue.offer(events.get(handed), 100, TimeUnit.MILLISECONDS)) {
					handed++;
				}
			}
		}
		finally {
			for (int i = handed; i < events.size(); i++) {
				this.state.handedBack(events.get(i));
			}
		}
	}

	/**
	 * Sends until {@code running} turns false; hands back what is still queued then.
	 * @param running whether to go on
	 */
	void loop(BooleanSupplier running) {
		try {
			while (running.getAsBoolean()) {
				PendingEvent first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first != null) {
					waitWhilePaused(running);
					List<PendingEvent> batch = take(first);
					try {
						this.batches.send(batch);
					}
					catch (RuntimeException ex) {
						// a transport or store that throws what it should not: the batch is read again
						logger.warn("eventbus could not send " + batch.size() + " event(s); they are read and sent again",
								ex);
						batch.forEach((event) -> {
							if (this.state.isSending(event.id())) {
								this.state.handedBack(event);
							}
						});
						Thread.sleep(100);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			List<PendingEvent> left = new ArrayList<>();
			this.queue.drainTo(left);
			left.forEach(this.state::handedBack);
		}
	}

	/**
	 * Everything queued up, up to the batch size. At a high rate (from
	 * {@value #LINGER_RATE} events a second for this sender) a batch of fewer than ten waits up
	 * to {@value #LINGER_MICROS} microseconds for more, so that commits share
	 * {@code PublishBatch} calls (half the broker and client work of single {@code Publish}
	 * calls); at a lower rate an event leaves at once.
	 */
	private List<PendingEvent> take(PendingEvent first) throws InterruptedException {
		List<PendingEvent> batch = new ArrayList<>(this.batchSize);
		batch.add(first);
		this.queue.drainTo(batch, this.batchSize - 1);
		long now = System.nanoTime();
		long elapsed = now - this.windowStart;
		if (elapsed >= RATE_WINDOW_NANOS) {
			this.rate = this.windowEvents * 1e9 / elapsed;
			this.windowEvents = 0;
			this.windowStart = now;
		}
		if (batch.size() < BatchSender.CHUNK && this.rate >= LINGER_RATE) {
			long until = now + TimeUnit.MICROSECONDS.toNanos(LINGER_MICROS);
			long left;
			while (batch.size() < BatchSender.CHUNK && (left = until - System.nanoTime()) > 0) {
				PendingEvent next = this.queue.poll(left, TimeUnit.NANOSECONDS);
				if (next == null) {
					break;
				}
				batch.add(next);
				this.queue.drainTo(batch, BatchSender.CHUNK - batch.size());
			}
		}
		this.windowEvents += batch.size();
		return batch;
	}

	private void waitWhilePaused(BooleanSupplier running) throws InterruptedException {
		long paused;
		while ((paused = this.state.paused()) > 0 && running.getAsBoolean()) {
			Thread.sleep(Math.max(1, Math.min(100, paused / 1_000_000)));
		}
	}

}
