package dev.eventbus.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.eventbus.transport.EventTransport;

/**
 * Sends a sender's batch through the transport, ten events (one {@code PublishBatch}) a call,
 * at most one event of an entity per call. Before each call it hands back the events whose
 * partition is no longer held (a long send must not outlast the lease) or whose entity waits
 * (an earlier event of it failed meanwhile, in this batch or before): those are read again
 * later. {@link SendRecorder} records what came of it.
 */
final class BatchSender {

	/** Events per transport call: one SNS {@code PublishBatch}. */
	static final int CHUNK = 10;

	private final EventTransport transport;

	private final RelayMessages messages;

	private final RelayState state;

	private final PartitionLeases leases;

	private final SendRecorder recorder;

	private final Clock clock;

	private final PublishObservations observations;

	/**
	 * Creates the batch sending of one sender.
	 * @param transport the transport
	 * @param messages what to send for a row
	 * @param state what the reader and the senders share
	 * @param leases the partitions held
	 * @param recorder records the outcome
	 * @param clock the clock
	 * @param observations observes each event sent
	 */
	BatchSender(EventTransport transport, RelayMessages messages, RelayState state, PartitionLeases leases,
			SendRecorder recorder, Clock clock, PublishObservations observations) {
		this.observations = observations;
		this.transport = transport;
		this.messages = messages;
		this.state = state;
		this.leases = leases;
		this.recorder = recorder;
		this.clock = clock;
	}

	/**
	 * Sends one batch, ten events at a time, and records the outcome.
	 * @param batch the events, in id order
	 */
	void send(List<PendingEvent> batch) {
		Instant started = this.clock.instant();
		Map<UUID, String> failures = new HashMap<>();
		Set<String> failedKeys = new HashSet<>();
		List<PendingEvent> attempted = new ArrayList<>(batch.size());
		for (int from = 0, to; from < batch.size(); from = to) {
			to = chunkEnd(batch, from);
			List<PendingEvent> chunk = sendable(batch.subList(from, to), failedKeys);
			if (chunk.isEmpty()) {
				continue;
			}
			List<PublishObservations.Publish> observed = this.observations.start(chunk, this.messages.of(chunk));
			Map<UUID, String> chunkFailures;
			try {
				chunkFailures = this.transport.send(observed.stream().map(PublishObservations.Publish::message).toList());
			}
			catch (RuntimeException ex) {
				PublishObservations.stop(observed, ex);
				this.recorder.record(attempted, failures, started);
				// what this round would have sent waits for its retry too
				List<PendingEvent> failed = new ArrayList<>(chunk);
				failed.addAll(sendable(batch.subList(to, batch.size()), Set.of()));
				this.recorder.unreachable(failed, started, ex);
				return;
			}
			PublishObservations.stop(observed, chunkFailures);
			for (PendingEvent event : chunk) {
				if (chunkFailures.containsKey(event.eventId())) {
					failedKeys.add(event.orderingKey());
				}
			}
			failures.putAll(chunkFailures);
			attempted.addAll(chunk);
		}
		if (this.recorder.record(attempted, failures, started)) {
			this.recorder.reachable();
		}
	}

	/**
	 * Where the call that starts at {@code from} ends: after ten events, or before an event of
	 * an entity that is already in the call. SNS may accept some entries of a
	 * {@code PublishBatch} and reject others, so two events of one entity in one call could
	 * arrive in the wrong order (the later accepted, the earlier retried).
	 */
	private static int chunkEnd(List<PendingEvent> batch, int from) {
		Set<String> keys = new HashSet<>();
		int to = from;
		while (to < batch.size() && to - from < CHUNK && keys.add(batch.get(to).orderingKey())) {
			to++;
		}
		return to;
	}

	/** The events that may go now; the others are handed back. */
	private List<PendingEvent> sendable(List<PendingEvent> events, Set<String> failedKeys) {
		PartitionLeases.Held held = this.leases.held();
		long nanoNow = System.nanoTime();
		List<PendingEvent> sendable = new ArrayList<>(events.size());
		for (PendingEvent event : events) {
			String key = event.orderingKey();
			if (held.holds(event.partition(), nanoNow) && !failedKeys.contains(key) && !this.state.waits(key)) {
				sendable.add(event);
			}
			else {
				this.state.handedBack(event);
			}
		}
		return sendable;
	}

}
