package dev.eventbus.eventlog;

import java.util.ArrayList;
import java.util.List;

import dev.eventbus.EventLog;
import dev.eventbus.EventLogPage;
import dev.eventbus.EventLogPosition;
import dev.eventbus.LoggedEvent;

/**
 * A worker that reads a channel of the event log page by page and stores its position as text
 * between pages, as a worker that keeps it in a table of its own would.
 */
final class ChannelWorker {

	private final EventLog log;

	private final String channel;

	private final int pageSize;

	private final List<LoggedEvent<AccountView>> seen = new ArrayList<>();

	private final List<Integer> pageSizes = new ArrayList<>();

	private String stored = EventLogPosition.START.toString();

	ChannelWorker(EventLog log, String channel, int pageSize) {
		this.log = log;
		this.channel = channel;
		this.pageSize = pageSize;
	}

	/** Reads one page from the stored position and stores the page's next position. */
	EventLogPage<AccountView> readPage() {
		EventLogPage<AccountView> page = this.log.read(this.channel, EventLogPosition.parse(this.stored),
				this.pageSize, AccountView.class);
		this.seen.addAll(page.events());
		this.pageSizes.add(page.events().size());
		this.stored = page.next().toString();
		return page;
	}

	/** The account ids of the events seen so far among the given ones, in the order seen. */
	List<Long> seenAmong(List<Long> accounts) {
		return this.seen.stream().map((event) -> event.payload().id()).filter(accounts::contains).toList();
	}

	List<LoggedEvent<AccountView>> seen() {
		return List.copyOf(this.seen);
	}

	List<Integer> pageSizes() {
		return List.copyOf(this.pageSizes);
	}

}
