package dev.eventbus.actuate;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.eventbus.operations.DeadLetterQueues;
import dev.eventbus.operations.EventReplay;
import dev.eventbus.outbox.FailingEvents;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.provision.Topology;

/**
 * The {@code eventbus} Actuator endpoint. Reads: {@code /actuator/eventbus} (channels, backlog,
 * listeners, queue depths), {@code /actuator/eventbus/failing} (failing outbox rows),
 * {@code /actuator/eventbus/topology} (what the application needs from AWS),
 * {@code /actuator/eventbus/dead-letters/{listener}} (a peek into a dead-letter queue). Writes
 * ({@code POST}) are refused with 403 unless {@value #WRITES_PROPERTY} is {@code true}:
 * {@code /actuator/eventbus/failing} makes failing rows due now,
 * {@code /actuator/eventbus/dead-letters/{listener}} redrives dead letters,
 * {@code /actuator/eventbus/replay/{listener}} replays retained events. Each operation dispatches by
 * its first path segment (the section); an unknown section answers 404.
 */
@Endpoint(id = "eventbus")
public class EventBusEndpoint {

	/** The property that enables the write operations. */
	public static final String WRITES_PROPERTY = "eventbus.management.writes-enabled";

	/** The most failing rows one read lists. */
	static final int FAILING_LIMIT = 100;

	private static final String DEAD_LETTERS = "dead-letters";

	private static final String REPLAY = "replay";

	private final EventBusStatus status;

	private final @Nullable FailingEvents failing;

	private final @Nullable OutboxRelay relay;

	private final Supplier<Topology> topology;

	private final boolean writesEnabled;

	private final ListenerOperations listenerOperations;

	/**
	 * Creates the endpoint.
	 * @param status reads the overview
	 * @param failing the failing outbox rows (none without a data source)
	 * @param relay this instance's relay, woken by "retry now" (none when it runs no relay)
	 * @param topology computes the topology document
	 * @param writesEnabled whether the write operations are allowed
	 * @param deadLetters peeks into and redrives dead-letter queues (none without listeners)
	 * @param replay replays retained events to a listener (none without listeners or an outbox)
	 */
	public EventBusEndpoint(EventBusStatus status, @Nullable FailingEvents failing, @Nullable OutboxRelay relay,
			Supplier<Topology> topology, boolean writesEnabled, @Nullable DeadLetterQueues deadLetters,
			@Nullable EventReplay replay) {
		this.status = status;
		this.failing = failing;
		this.relay = relay;
		this.topology = topology;
		this.writesEnabled = writesEnabled;
		this.listenerOperations = new ListenerOperations(deadLetters, replay);
	}

	/**
	 * {@code GET /actuator/eventbus}: channels, outbox backlog, listeners and their queues.
	 * @return the overview
	 */
	@ReadOperation
	public EventBusStatus.Overview overview() {
		return this.status.read(this.writesEnabled);
	}

	/**
	 * {@code GET /actuator/eventbus/{section}}: {@code failing} or {@code topology}.
	 * @param section the section
	 * @return its content, or 404
	 */
	@ReadOperation
	public Object read(@Selector String section) {
		return switch (section) {
			case "failing" -> failingRows();
			case "topology" -> this.topology.get();
			default -> notFound(section);
		};
	}

	/**
	 * {@code POST /actuator/eventbus/{section}}: {@code failing} with an optional body
	 * {@code {"ids": "17,18"}} (Actuator takes a JSON object of strings: the ids are a
	 * comma-separated list) makes those failing rows (all without ids) due now and wakes this
	 * instance's relay.
	 * @param section the section
	 * @param ids the outbox row ids to retry, {@code null} for all failing rows
	 * @return what was done, 403 when writes are disabled, or 404
	 */
	@WriteOperation
	public Object write(@Selector String section, Long @Nullable [] ids) {
		if (!section.equals("failing")) {
			return notFound(section);
		}
		if (!this.writesEnabled) {
			return refused();
		}
		return retryFailing((ids != null) ? List.of(ids) : null);
	}

	/**
	 * {@code GET /actuator/eventbus/dead-letters/{listener}[?max=N]}: a peek into the listener's
	 * dead-letter queue, grouped by reason ({@link dev.eventbus.operations.DeadLetterQueues#peek}).
	 * @param section the section
	 * @param name the listener id
	 * @param max the most messages to examine, {@code null} for the default
	 * @return the report, 404 for another section or an unknown listener, 400 for a bad {@code max}
	 */
	@ReadOperation
	public Object read(@Selector String section, @Selector String name, @Nullable Integer max) {
		if (section.equals(DEAD_LETTERS)) {
			return this.listenerOperations.peek(name, max);
		}
		return notFound(section + "/" + name);
	}

	/**
	 * {@code POST /actuator/eventbus/dead-letters/{listener}} with an optional body
	 * {@code {"reason": "...", "max": N}} redrives the listener's dead letters of that reason (all
	 * without one) to its queue; {@code POST /actuator/eventbus/replay/{listener}} with a body
	 * {@code {"fromId": .., "toId": .., "from": "<instant>", "to": "<instant>", "max": N}} (at least one
	 * bound) replays retained events to the listener's queue.
	 * @param section the section
	 * @param name the listener id
	 * @param reason the reason of the dead letters to redrive, {@code null} for all
	 * @param max the most messages (redrive) or events (replay), {@code null} for the default
	 * @param fromId the lowest outbox id to replay, inclusive
	 * @param toId the highest outbox id to replay, inclusive
	 * @param from the earliest capture time to replay (ISO-8601), inclusive
	 * @param to the latest capture time to replay (ISO-8601), exclusive
	 * @return what was done; 403 when writes are disabled, 404 for another section or an unknown
	 * listener, 400 for bad parameters
	 */
	@WriteOperation
	public Object write(@Selector String section, @Selector String name, @Nullable String reason,
			@Nullable Integer max, @Nullable Long fromId, @Nullable Long toId, @Nullable String from,
			@Nullable String to) {
		if (!section.equals(DEAD_LETTERS) && !section.equals(REPLAY)) {
			return notFound(section + "/" + name);
		}
		if (!this.writesEnabled) {
			return refused();
		}
		return section.equals(DEAD_LETTERS) ? this.listenerOperations.redrive(name, reason, max)
				: this.listenerOperations.replay(name, fromId, toId, from, to, max);
	}

	private Object failingRows() {
		if (this.failing == null) {
			return notFound("failing (no outbox: the application has no data source)");
		}
		FailingEvents.Page page = this.failing.list(FAILING_LIMIT);
		return new Failing(page.total(), page.rows().size(), page.rows());
	}

	private Object retryFailing(@Nullable List<Long> ids) {
		if (this.failing == null) {
			return notFound("failing (no outbox: the application has no data source)");
		}
		int retried = this.failing.retryNow(ids);
		if (this.relay != null && retried > 0) {
			this.relay.retryNow();
		}
		return new Retried(retried, this.relay != null && this.relay.isRunning());
	}

	/**
	 * The answer to a write operation while writes are disabled: 403, naming the property.
	 * @return the response
	 */
	protected WebEndpointResponse<Map<String, String>> refused() {
		return new WebEndpointResponse<>(Map.of("error",
				"The write operations of the eventbus endpoint are disabled; set " + WRITES_PROPERTY
						+ "=true to enable them",
				"property", WRITES_PROPERTY), 403);
	}

	/**
	 * Whether the write operations are allowed.
	 * @return whether {@value #WRITES_PROPERTY} is {@code true}
	 */
	protected boolean writesEnabled() {
		return this.writesEnabled;
	}

	private static WebEndpointResponse<Map<String, String>> notFound(String what) {
		return new WebEndpointResponse<>(Map.of("error", "No such part of the eventbus endpoint: " + what),
				WebEndpointResponse.STATUS_NOT_FOUND);
	}

	/**
	 * The failing outbox rows.
	 *
	 * @param total how many rows fail
	 * @param listed how many are listed (at most 100, lowest id first)
	 * @param rows the rows
	 */
	public record Failing(long total, int listed, List<FailingEvents.Row> rows) {
	}

	/**
	 * What "retry now" did.
	 *
	 * @param retried how many failing rows were made due
	 * @param relayWoken whether this instance's relay was told (it runs one); other instances'
	 * relays send the rows of their partitions when their remembered retry time comes
	 */
	public record Retried(int retried, boolean relayWoken) {
	}

}
