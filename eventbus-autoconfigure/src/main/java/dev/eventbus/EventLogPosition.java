package dev.eventbus;

/**
 * A position in the {@link EventLog}: what a worker stores to read on later. It is the outbox
 * row id of the last event read; {@link #toString()} and {@link #parse(String)} turn it into text
 * and back, for a column or a file of the worker's own.
 *
 * @param id the outbox id of the last event read, {@code 0} before the first
 */
public record EventLogPosition(long id) {

	/** Before the first event. */
	public static final EventLogPosition START = new EventLogPosition(0);

	/**
	 * Creates a position.
	 * @param id the outbox id of the last event read, {@code 0} before the first
	 * @throws IllegalArgumentException if the id is negative
	 */
	public EventLogPosition {
		if (id < 0) {
			throw new IllegalArgumentException("An event log position is not negative: " + id);
		}
	}

	/**
	 * Reads a position written by {@link #toString()}.
	 * @param text the text
	 * @return the position
	 * @throws IllegalArgumentException if the text is not a position
	 */
	public static EventLogPosition parse(String text) {
		try {
			return new EventLogPosition(Long.parseLong(text.trim()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not an event log position: '" + text + "'", ex);
		}
	}

	/**
	 * The position as text.
	 * @return the id in decimal, for example {@code 1042}
	 */
	@Override
	public String toString() {
		return Long.toString(this.id);
	}

}
