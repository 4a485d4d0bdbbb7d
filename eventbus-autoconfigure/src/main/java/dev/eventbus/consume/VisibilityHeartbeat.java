package dev.eventbus.consume;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.awspring.cloud.sqs.listener.Visibility;
import io.awspring.cloud.sqs.listener.errorhandler.ErrorHandlerVisibilityHelper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;

/**
 * Keeps the messages of slow handlers invisible: while a handler runs, the message's
 * visibility timeout is renewed at half its length, until the handler ends or the maximum
 * handling time is reached. So a handler that runs past the visibility timeout is not given
 * the same message a second time in parallel.
 */
final class VisibilityHeartbeat implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(VisibilityHeartbeat.class);

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "eventbus-visibility");
		thread.setDaemon(true);
		return thread;
	});

	private final Duration visibilityTimeout;

	private final Duration maxHandlingTime;

	VisibilityHeartbeat(Duration visibilityTimeout, Duration maxHandlingTime) {
		this.visibilityTimeout = visibilityTimeout;
		this.maxHandlingTime = maxHandlingTime;
	}

	/**
	 * Starts renewing a message's visibility.
	 * @param message the message being handled
	 * @return a handle to stop the renewal once the handler ends
	 */
	Beat start(Message<?> message) {
		long period = Math.max(1000, this.visibilityTimeout.toMillis() / 2);
		long deadline = System.nanoTime() + this.maxHandlingTime.toNanos();
		int seconds = (int) Math.max(1, this.visibilityTimeout.toSeconds());
		Visibility visibility = ErrorHandlerVisibilityHelper.getVisibility(message);
		ScheduledFuture<?>[] holder = new ScheduledFuture<?>[1];
		holder[0] = this.scheduler.scheduleAtFixedRate(() -> {
			if (System.nanoTime() - deadline > 0) {
				logger.warn("eventbus: a handler ran past eventbus.consume.max-handling-time (" + this.maxHandlingTime
						+ "); its message may be delivered again");
				holder[0].cancel(false);
				return;
			}
			visibility.changeToAsync(seconds);
		}, period, period, TimeUnit.MILLISECONDS);
		return () -> holder[0].cancel(false);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	/** Stops one message's renewal. */
	@FunctionalInterface
	interface Beat {

		void stop();

	}

}
