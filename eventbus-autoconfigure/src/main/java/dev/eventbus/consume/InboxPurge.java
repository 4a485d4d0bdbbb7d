package dev.eventbus.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes inbox records older than {@code eventbus.consume.inbox-retention}, every ten
 * minutes.
 */
public final class InboxPurge implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(InboxPurge.class);

	private final Inbox inbox;

	private final Duration retention;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Creates the purge.
	 * @param inbox the inbox
	 * @param retention how long handled event ids are kept
	 */
	public InboxPurge(Inbox inbox, Duration retention) {
		this.inbox = inbox;
		this.retention = retention;
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "eventbus-inbox-purge");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::purge, 1, 10, TimeUnit.MINUTES);
		this.scheduler = scheduler;
	}

	private void purge() {
		try {
			this.inbox.purge(Instant.now().minus(this.retention));
		}
		catch (RuntimeException ex) {
			if (OutageCause.of(ex) == OutageCause.DATABASE) {
				// the database is down: the listeners' breaker reports that once; the next run purges
				if (logger.isDebugEnabled()) {
					logger.debug("eventbus could not purge the eventbus_inbox table: " + ex.getMessage());
				}
			}
			else {
				logger.warn("eventbus could not purge the eventbus_inbox table: " + ex.getMessage());
			}
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
