package dev.eventbus;

import java.util.List;

/**
 * One page of a channel's events read from the {@link EventLog}.
 *
 * @param events the events, in log order
 * @param next where the next page starts: the position of the last event, or the position read
 * after when the page is empty
 * @param full whether the page holds as many events as asked for, so that reading on at once
 * may return more
 * @param <T> the payload type
 */
public record EventLogPage<T>(List<LoggedEvent<T>> events, EventLogPosition next, boolean full) {

	/**
	 * Creates a page.
	 * @param events the events, in log order
	 * @param next where the next page starts
	 * @param full whether the page holds as many events as asked for
	 */
	public EventLogPage {
		events = List.copyOf(events);
	}

}
