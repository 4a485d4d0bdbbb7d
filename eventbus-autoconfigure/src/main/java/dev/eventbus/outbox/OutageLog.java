package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * One kind of trouble of the relay: one WARN when it starts, DEBUG while it lasts, one INFO
 * when it ends. A failure of an attempt that started before the last recovery does not open
 * a new one, and a success of an attempt that started before the outage does not end it
 * (several threads may report the same outage).
 */
final class OutageLog {

	private final Log logger;

	private final String failing;

	private final String handling;

	private final String recovered;

	private final Clock clock;

	private volatile @Nullable Instant since;

	private Instant endedAt = Instant.MIN;

	/**
	 * Creates the log of one kind of outage.
	 * @param logger where to log
	 * @param failing what fails, as the start of the WARN
	 * @param handling what happens meanwhile, as the rest of the WARN
	 * @param recovered the start of the INFO on recovery (the duration follows)
	 * @param clock the clock
	 */
	OutageLog(Log logger, String failing, String handling, String recovered, Clock clock) {
		this.logger = logger;
		this.failing = failing;
		this.handling = handling;
		this.recovered = recovered;
		this.clock = clock;
	}

	/**
	 * Since when this trouble lasts.
	 * @return the start of the failed attempt that began the outage, or {@code null} when
	 * there is none
	 */
	@Nullable Instant since() {
		return this.since;
	}

	/**
	 * Reports a failure.
	 * @param attemptStarted when the failed attempt started
	 * @param ex the failure
	 * @param stackTrace whether the WARN shows the stack trace
	 */
	synchronized void failed(Instant attemptStarted, RuntimeException ex, boolean stackTrace) {
		if (this.since == null && attemptStarted.isAfter(this.endedAt)) {
			this.since = attemptStarted;
			this.logger.warn(this.failing + " (" + ex.getMessage() + "); " + this.handling, stackTrace ? ex : null);
		}
		else if (this.logger.isDebugEnabled()) {
			this.logger.debug(this.failing + ", still: " + ex.getMessage());
		}
	}

	/**
	 * Reports a success: ends the outage if there is one and the attempt started after it
	 * did (an attempt that was under way when another thread saw the outage begin proves no
	 * recovery).
	 * @param attemptStarted when the successful attempt started
	 * @param detail added to the INFO
	 */
	void ended(Instant attemptStarted, String detail) {
		Instant since = this.since;
		if (since == null || attemptStarted.isBefore(since)) {
			return;
		}
		synchronized (this) {
			Instant started = this.since;
			if (started != null && !attemptStarted.isBefore(started)) {
				Instant now = this.clock.instant();
				this.logger.info(this.recovered + " " + Duration.between(started, now) + detail);
				this.since = null;
				this.endedAt = now;
			}
		}
	}

}
