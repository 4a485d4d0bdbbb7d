package dev.eventbus.benchmarks;

import java.util.List;
import java.util.UUID;

/**
 * What the event log's indexes ({@code eventbus_outbox_entity (channel, entity_id, id)} and
 * {@code eventbus_outbox_channel (channel, id)}) cost a commit: the commit figure with the relay
 * stopped, the same {@code @PublishEvents} entity on both sides, with the indexes (the schema as
 * shipped) and without them (dropped for that side). The sides alternate within each round; each
 * starts from an empty outbox, so an index is created on an empty table.
 */
final class EventLogIndexFigure {

	static final String NAME = "event log indexes on / off: commit throughput, relay stopped";

	private static final List<String> CREATE = List.of(
			"create index if not exists eventbus_outbox_entity on eventbus_outbox (channel, entity_id, id)",
			"create index if not exists eventbus_outbox_channel on eventbus_outbox (channel, id)");

	private static final List<String> DROP = List.of("drop index if exists eventbus_outbox_entity",
			"drop index if exists eventbus_outbox_channel");

	private final Fixture fixture;

	private final Profile profile;

	private final CpuMeter cpu;

	EventLogIndexFigure(Fixture fixture, Profile profile, CpuMeter cpu) {
		this.fixture = fixture;
		this.profile = profile;
		this.cpu = cpu;
	}

	Figure run() {
		Figure figure = new Figure(NAME, "commits/s", "same entity, outbox without the event log indexes",
				Figure.Goal.REPORT, 0);
		figure.details.put("threads", this.profile.commitThreads());
		figure.details.put("secondsPerSide", this.profile.commitDuration().toMillis() / 1000.0);
		try {
			CommitFigure.withRelayStopped(this.fixture, this.profile,
					(load, round, counted, indexed) -> side(figure, load, round, counted, indexed));
		}
		finally {
			CREATE.forEach(this.fixture.jdbc::execute);
		}
		return figure;
	}

	private void side(Figure figure, CommitLoad load, int round, boolean counted, boolean indexed) {
		CommitFigure.reset(this.fixture);
		(indexed ? CREATE : DROP).forEach(this.fixture.jdbc::execute);
		CpuMeter.Window window = this.cpu.start();
		double rate = load.forDuration(this.profile.commitDuration(), (n) -> new PublishedOrder(UUID.randomUUID(), n))
			.rate();
		CpuMeter.Usage usage = window.stop();
		if (counted) {
			figure.add(indexed, rate, usage);
		}
		Benchmarks.log("commit (relay stopped) round %d, event log indexes %s: %.0f commits/s (%s)", round,
				indexed ? "on" : "off", rate, usage.describe());
	}

}
