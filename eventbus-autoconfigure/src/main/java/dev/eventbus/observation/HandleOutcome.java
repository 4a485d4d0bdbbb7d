package dev.eventbus.observation;

/**
 * What came of one delivery to a listener method: the {@code outcome} of an
 * {@code eventbus.handle} observation.
 */
public enum HandleOutcome {

	/** The method returned; the message is acknowledged. */
	SUCCESS("success"),

	/** The method threw and the message is delivered again (after a back-off or an outage). */
	RETRIED("retried"),

	/** The method threw and the message goes to the dead-letter queue (not retryable, or the last delivery). */
	DEAD_LETTERED("dead_lettered"),

	/** An idempotent listener had handled the event before: the method was not called. */
	DUPLICATE_SKIPPED("duplicate_skipped");

	private final String tag;

	HandleOutcome(String tag) {
		this.tag = tag;
	}

	/**
	 * The tag value.
	 * @return the outcome as in metrics and spans
	 */
	public String tag() {
		return this.tag;
	}

}
