package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.outbox.OutboxSignal;
import dev.eventbus.test.Queues;
import jakarta.persistence.EntityManager;

/**
 * The running benchmark application and the raw SDK resources beside it: the figures that run
 * in this JVM use its beans (the baselines use the very same SNS and SQS clients) and its
 * outbox helpers.
 */
final class Fixture implements AutoCloseable {

	private static final String FILL = "insert into eventbus_outbox (event_id, channel, action, entity_id, ordering_key,"
			+ " body, created_at, next_attempt_at, attempts)"
			+ " select u, ?, 'created', e, ? || ':' || e, replace(replace(?, '@EVENT@', u::text), '@ENTITY@', e),"
			+ " now(), now(), 0 from (select gen_random_uuid() as u, gen_random_uuid()::text as e"
			+ " from generate_series(1, ?)) s";

	/** {@link #FILL} with a trace context on every row, as a capture inside a span stores it. */
	private static final String FILL_TRACED = FILL.replace("attempts)", "attempts, trace_context)")
		.replace("now(), now(), 0 from", "now(), now(), 0, ? from");

	/**
	 * The backlog: outbox rows not yet published. With {@link #drained} the one place that knows
	 * how the outbox marks what was sent.
	 */
	static final String BACKLOG = "select count(*) from eventbus_outbox where published_at is null";

	final ConfigurableApplicationContext context;

	final String prefix;

	final TransactionTemplate tx;

	final EntityManager entityManager;

	final JdbcTemplate jdbc;

	final SnsClient sns;

	final SqsAsyncClient sqs;

	final OutboxRelay relay;

	final OutboxSignal signal;

	final ListenerContainers listenerContainers;

	final BenchListeners listeners;

	final String bodyTemplate;

	/** The body of a {@link LatencyProbe}'s event, as {@link #bodyTemplate}. */
	final String latencyTemplate;

	final String schema;

	/** The application's observation registry, {@link ObservationRegistry#NOOP} without one. */
	final ObservationRegistry observations;

	/**
	 * The trace context that a capture inside a {@link CommitLoad} transaction stores with its row
	 * (the {@link #fill} of a relay backlog gives every row this one), or null: no tracer, or an
	 * outbox without trace contexts.
	 */
	final @Nullable String traceContext;

	Fixture(BenchmarkContexts contexts) {
		this(contexts, Map.of());
	}

	/**
	 * Starts the application.
	 * @param contexts the names of the run
	 * @param properties properties of this application (over the defaults)
	 */
	Fixture(BenchmarkContexts contexts, Map<String, String> properties) {
		this.prefix = contexts.prefix();
		this.schema = contexts.schema();
		this.context = contexts.start(properties);
		this.observations = this.context.getBeanProvider(ObservationRegistry.class)
			.getIfAvailable(() -> ObservationRegistry.NOOP);
		this.tx = this.context.getBean(TransactionTemplate.class);
		this.entityManager = this.context.getBean(EntityManager.class);
		this.jdbc = this.context.getBean(JdbcTemplate.class);
		this.sns = this.context.getBean(SnsClient.class);
		this.sqs = this.context.getBean(SqsAsyncClient.class);
		this.relay = this.context.getBean(OutboxRelay.class);
		this.signal = this.context.getBean(OutboxSignal.class);
		this.listenerContainers = this.context.getBean(ListenerContainers.class);
		this.listeners = this.context.getBean(BenchListeners.class);
		this.relay.stop();
		this.bodyTemplate = bodyTemplate(this.tx, this.entityManager, this.jdbc,
				(id) -> new PublishedOrder(id, 42));
		this.latencyTemplate = bodyTemplate(this.tx, this.entityManager, this.jdbc, LatencyProbe::new);
		this.traceContext = capturedTraceContext();
		this.relay.start();
	}

	/**
	 * Commits one published entity and turns its outbox body into a template with
	 * {@code @EVENT@} and {@code @ENTITY@} in place of the event and entity ids, so that SQL can
	 * write any number of real-looking events at once, and raw baselines can publish them.
	 */
	static String bodyTemplate(TransactionTemplate tx, EntityManager entityManager, JdbcTemplate jdbc,
			Function<UUID, Object> entity) {
		UUID id = UUID.randomUUID();
		tx.executeWithoutResult((status) -> entityManager.persist(entity.apply(id)));
		Map<String, Object> row = jdbc.queryForMap("select event_id, body from eventbus_outbox where entity_id = ?",
				id.toString());
		jdbc.update("delete from eventbus_outbox where entity_id = ?", id.toString());
		return ((String) row.get("body")).replace(row.get("event_id").toString(), "@EVENT@")
			.replace(id.toString(), "@ENTITY@");
	}

	private @Nullable String capturedTraceContext() {
		if (!Boolean.TRUE.equals(this.jdbc.queryForObject("select exists (select 1 from information_schema.columns"
				+ " where table_schema = current_schema() and table_name = 'eventbus_outbox'"
				+ " and column_name = 'trace_context')", Boolean.class))) {
			return null;
		}
		UUID id = UUID.randomUUID();
		Observation.createNotStarted(CommitLoad.COMMIT_OBSERVATION, this.observations)
			.observe(() -> this.tx.executeWithoutResult((status) -> this.entityManager.persist(new PublishedOrder(id, 42))));
		String stored = this.jdbc.queryForObject("select trace_context from eventbus_outbox where entity_id = ?",
				String.class, id.toString());
		this.jdbc.update("delete from eventbus_outbox where entity_id = ?", id.toString());
		return stored;
	}

	void truncateOutbox() {
		this.jdbc.execute("truncate eventbus_outbox");
	}

	/**
	 * Writes events to the outbox in one statement (one transaction) and wakes the relay.
	 * @param channel the channel
	 * @param count how many
	 */
	void fillOutbox(String channel, int count) {
		fill(this.jdbc, channel, count, this.bodyTemplate);
		this.signal.committed();
	}

	static void fill(JdbcTemplate jdbc, String channel, int count, String template) {
		fill(jdbc, channel, count, template, null);
	}

	/**
	 * Writes events to the outbox in one statement (one transaction).
	 * @param jdbc the application's database
	 * @param channel the channel
	 * @param count how many
	 * @param template the body ({@link #bodyTemplate})
	 * @param traceContext the trace context of every row, or null for none
	 */
	static void fill(JdbcTemplate jdbc, String channel, int count, String template, @Nullable String traceContext) {
		if (traceContext != null) {
			jdbc.update(FILL_TRACED, channel, channel, template, traceContext, count);
		}
		else {
			jdbc.update(FILL, channel, channel, template, count);
		}
	}

	/**
	 * Waits until no outbox row is unpublished.
	 * @param timeout the longest wait
	 */
	void awaitDrained(Duration timeout) {
		await("the outbox to drain", timeout, () -> drained(this.jdbc));
	}

	/**
	 * The outbox rows not yet published.
	 * @return the count
	 */
	long backlog() {
		Long rows = this.jdbc.queryForObject(BACKLOG, Long.class);
		return (rows != null) ? rows : 0;
	}

	static boolean drained(JdbcTemplate jdbc) {
		return Boolean.FALSE.equals(jdbc.queryForObject(
				"select exists (select 1 from eventbus_outbox where published_at is null)", Boolean.class));
	}

	String topicArn(String name) {
		return this.sns.createTopic((request) -> request.name(this.prefix + name)).topicArn();
	}

	String queueUrl(String name) {
		return this.sqs.createQueue((request) -> request.queueName(this.prefix + name)).join().queueUrl();
	}

	void subscribe(String topicArn, String queueUrl) {
		String queueArn = Queues.arn(this.sqs, queueUrl);
		this.sns.subscribe((request) -> request.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
	}

	long queueDepth(String queueUrl) {
		return Queues.depth(this.sqs, queueUrl);
	}

	static void await(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Timed out after " + timeout + " waiting for " + what);
			}
			sleep(Duration.ofMillis(5));
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** Stops the listeners and deletes the run's topics and queues (all named with its prefix). */
	void deleteResources() {
		this.listenerContainers.stop();
		this.relay.stop();
		for (String url : this.sqs.listQueues((request) -> request.queueNamePrefix(this.prefix)).join().queueUrls()) {
			this.sqs.deleteQueue((request) -> request.queueUrl(url)).join();
		}
		this.sns.listTopicsPaginator()
			.topics()
			.stream()
			.filter((topic) -> topic.topicArn().contains(":" + this.prefix))
			.forEach((topic) -> this.sns.deleteTopic((request) -> request.topicArn(topic.topicArn())));
	}

	@Override
	public void close() {
		this.context.close();
	}

}
