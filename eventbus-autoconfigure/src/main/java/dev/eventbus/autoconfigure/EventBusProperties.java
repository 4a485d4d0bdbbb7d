package dev.eventbus.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.eventbus.provision.ProvisionMode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Configuration of eventbus, under the {@code eventbus} prefix.
 */
@ConfigurationProperties("eventbus")
public class EventBusProperties {

	/**
	 * Whether eventbus is enabled. When disabled nothing is captured, relayed, provisioned or
	 * consumed.
	 */
	private boolean enabled = true;

	private final Publish publish = new Publish();

	private final Outbox outbox = new Outbox();

	private final Provision provision = new Provision();

	private final Consume consume = new Consume();

	private final Aws aws = new Aws();

	private final Management management = new Management();

	private final Topology topology = new Topology();

	private final Metrics metrics = new Metrics();

	private final Health health = new Health();

	private final Outcome outcome = new Outcome();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Publish getPublish() {
		return this.publish;
	}

	public Outbox getOutbox() {
		return this.outbox;
	}

	public Provision getProvision() {
		return this.provision;
	}

	public Consume getConsume() {
		return this.consume;
	}

	/**
	 * The call timeouts of the SNS and SQS clients.
	 * @return the {@code aws} group
	 */
	public Aws getAws() {
		return this.aws;
	}

	/**
	 * The {@code eventbus} Actuator endpoint.
	 * @return the {@code management} group
	 */
	public Management getManagement() {
		return this.management;
	}

	/**
	 * The AWS topology and IAM policies the application needs.
	 * @return the {@code topology} group
	 */
	public Topology getTopology() {
		return this.topology;
	}

	/**
	 * eventbus's Micrometer meters.
	 * @return the {@code metrics} group
	 */
	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * The {@code eventbus} health indicator.
	 * @return the {@code health} group
	 */
	public Health getHealth() {
		return this.health;
	}

	/**
	 * The events of {@code @PublishOutcome} methods.
	 * @return the {@code outcome} group
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * How events are published.
	 */
	public static class Publish {

		/**
		 * Prefix of every SNS topic name: the topic of a channel is prefix + channel.
		 */
		private String topicPrefix = "";

		/**
		 * The name written as the publisher of every event. Defaults to
		 * spring.application.name.
		 */
		private @Nullable String publisher;

		/**
		 * Whether topics and queues are FIFO: events of one entity are then delivered in
		 * commit order even to concurrent consumers (message group channel:entityId,
		 * deduplication id the event id).
		 */
		private boolean fifo;

		/**
		 * Whether the changes of one entity in one transaction are published as one net event
		 * (created then updated: one created with the final state; created then deleted: nothing;
		 * updated then deleted: deleted). When false, every flushed change is an event.
		 */
		private boolean collapsePerTransaction = true;

		/**
		 * Whether JPQL, HQL and Criteria bulk update, delete and insert statements on
		 * PublishEvents entities may run. Their changes are never published; by default such a
		 * statement fails with a BulkMutationException.
		 */
		private boolean allowBulkMutations;

		public String getTopicPrefix() {
			return this.topicPrefix;
		}

		public void setTopicPrefix(String topicPrefix) {
			this.topicPrefix = topicPrefix;
		}

		public @Nullable String getPublisher() {
			return this.publisher;
		}

		public void setPublisher(@Nullable String publisher) {
			this.publisher = publisher;
		}

		public boolean isFifo() {
			return this.fifo;
		}

		public void setFifo(boolean fifo) {
			this.fifo = fifo;
		}

		public boolean isCollapsePerTransaction() {
			return this.collapsePerTransaction;
		}

		public void setCollapsePerTransaction(boolean collapsePerTransaction) {
			this.collapsePerTransaction = collapsePerTransaction;
		}

		public boolean isAllowBulkMutations() {
			return this.allowBulkMutations;
		}

		public void setAllowBulkMutations(boolean allowBulkMutations) {
			this.allowBulkMutations = allowBulkMutations;
		}

	}

	/**
	 * The transactional outbox and its relay.
	 */
	public static class Outbox {

		/**
		 * When to create the eventbus_outbox and eventbus_inbox tables on start-up with the
		 * script classpath:dev/eventbus/schema-{platform}.sql (idempotent): embedded (only
		 * on an embedded database such as H2), always, or never (Flyway or Liquibase
		 * manages the schema). When the script does not run, start-up checks that
		 * eventbus_outbox exists.
		 */
		private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

		/**
		 * How often the relay looks for unpublished events when it is not woken by a commit
		 * (after a crash, a failed publish, or commits of other instances).
		 */
		private Duration pollInterval = Duration.ofSeconds(1);

		/**
		 * How many outbox rows the relay reads at a time. They are sent in PublishBatch calls
		 * of ten (a lone event with Publish).
		 */
		private int batchSize = 100;

		/**
		 * Delay before the first retry of an event whose publish failed; doubled on every
		 * further failure up to max-retry-delay.
		 */
		private Duration retryDelay = Duration.ofSeconds(1);

		/**
		 * Longest delay between two publish attempts of one event.
		 */
		private Duration maxRetryDelay = Duration.ofMinutes(5);

		/**
		 * How long published events are kept in the outbox (for audit, replay and the event
		 * log) before they are deleted. Must be longer than zero; to keep them forever, set
		 * purge-enabled to false.
		 */
		private Duration retention = Duration.ofDays(7);

		/**
		 * Whether published events older than the retention are deleted. When false they are
		 * kept forever, and the event log reaches back to the first event.
		 */
		private boolean purgeEnabled = true;

		/**
		 * How long after its publication an event appears in the event log's pages of a
		 * channel. A page stops before any event published more recently, so that an event
		 * whose transaction committed after one with a higher outbox id is not passed by a
		 * worker's stored position. Longer than any transaction takes from writing its
		 * events to its commit, plus the clock difference between application instances.
		 */
		private Duration logSettleTime = Duration.ofSeconds(5);

		/**
		 * Whether the relay runs in this application instance. Switch off in instances that
		 * only write (another instance relays).
		 */
		private boolean relayEnabled = true;

		/**
		 * How many threads of this instance send events at once, beside the one that reads
		 * the outbox: while one waits for the broker, another sends. The events of one entity
		 * always go to the same thread, in order. A sender takes a database connection only
		 * to record a failed attempt (the reader marks what was sent).
		 */
		private int relayWorkers = 2;

		/**
		 * How long a relay's lease of an outbox partition lasts without renewal. Each instance
		 * relays the partitions it holds a lease of, renewing them every quarter of this. An
		 * instance that dies without stopping holds its partitions this long before another
		 * instance takes them over; one that stops cleanly gives them back at once.
		 */
		private Duration leaseDuration = Duration.ofSeconds(10);

		public DatabaseInitializationMode getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getRetryDelay() {
			return this.retryDelay;
		}

		public void setRetryDelay(Duration retryDelay) {
			this.retryDelay = retryDelay;
		}

		public Duration getMaxRetryDelay() {
			return this.maxRetryDelay;
		}

		public void setMaxRetryDelay(Duration maxRetryDelay) {
			this.maxRetryDelay = maxRetryDelay;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

		public boolean isPurgeEnabled() {
			return this.purgeEnabled;
		}

		public void setPurgeEnabled(boolean purgeEnabled) {
			this.purgeEnabled = purgeEnabled;
		}

		public Duration getLogSettleTime() {
			return this.logSettleTime;
		}

		public void setLogSettleTime(Duration logSettleTime) {
			this.logSettleTime = logSettleTime;
		}

		public boolean isRelayEnabled() {
			return this.relayEnabled;
		}

		public void setRelayEnabled(boolean relayEnabled) {
			this.relayEnabled = relayEnabled;
		}

		public int getRelayWorkers() {
			return this.relayWorkers;
		}

		public void setRelayWorkers(int relayWorkers) {
			this.relayWorkers = relayWorkers;
		}

		public Duration getLeaseDuration() {
			return this.leaseDuration;
		}

		public void setLeaseDuration(Duration leaseDuration) {
			this.leaseDuration = leaseDuration;
		}

	}

	/**
	 * Creation or validation of topics, queues and subscriptions at start-up.
	 */
	public static class Provision {

		/**
		 * What to do with the SNS topics, SQS queues, dead-letter queues and subscriptions
		 * at start-up: create (create what is missing, update attributes), validate (fail
		 * start-up when something is missing) or none (assume they exist).
		 */
		private ProvisionMode mode = ProvisionMode.CREATE;

		/**
		 * How many times a message is delivered to a listener before it is moved to the
		 * listener's dead-letter queue.
		 */
		private int maxReceiveCount = 5;

		/**
		 * Visibility timeout of the listener queues: how long a received message stays
		 * invisible to other consumers while it is handled.
		 */
		private Duration visibilityTimeout = Duration.ofSeconds(30);

		/**
		 * How long messages stay in a dead-letter queue (SQS allows at most 14 days).
		 */
		private Duration deadLetterRetention = Duration.ofDays(14);

		/**
		 * How long unconsumed messages stay in a listener's queue: a listener that is down
		 * longer than this loses events (SQS allows 1 minute to 14 days).
		 */
		private Duration messageRetention = Duration.ofDays(14);

		public ProvisionMode getMode() {
			return this.mode;
		}

		public void setMode(ProvisionMode mode) {
			this.mode = mode;
		}

		public int getMaxReceiveCount() {
			return this.maxReceiveCount;
		}

		public void setMaxReceiveCount(int maxReceiveCount) {
			this.maxReceiveCount = maxReceiveCount;
		}

		public Duration getVisibilityTimeout() {
			return this.visibilityTimeout;
		}

		public void setVisibilityTimeout(Duration visibilityTimeout) {
			this.visibilityTimeout = visibilityTimeout;
		}

		public Duration getDeadLetterRetention() {
			return this.deadLetterRetention;
		}

		public void setDeadLetterRetention(Duration deadLetterRetention) {
			this.deadLetterRetention = deadLetterRetention;
		}

		public Duration getMessageRetention() {
			return this.messageRetention;
		}

		public void setMessageRetention(Duration messageRetention) {
			this.messageRetention = messageRetention;
		}

	}

	/**
	 * The consumption of events by listener methods.
	 */
	public static class Consume {

		/**
		 * Whether listener methods are started. When disabled, no queue is provisioned and
		 * nothing is consumed.
		 */
		private boolean enabled = true;

		/**
		 * Prefix of every listener queue name. Defaults to spring.application.name,
		 * so that two services never share a queue while the instances of one service do.
		 */
		private @Nullable String queuePrefix;

		/**
		 * How many messages of one listener's queue are handled at once per application
		 * instance, unless the listener sets its own concurrency.
		 */
		private int maxConcurrentMessages = 10;

		/**
		 * Whether every listener is idempotent (redelivered events are skipped by event id,
		 * recorded in the eventbus_inbox table). Individual listeners opt in with the
		 * idempotent attribute of their @Listener annotation.
		 */
		private boolean idempotent;

		/**
		 * Whether listener queues receive raw messages (SNS raw message delivery) instead of
		 * SNS notifications. Off by default: a listener then accepts only notifications from
		 * its own topic and moves anything else (including messages sent straight to the
		 * queue) to the dead-letter queue.
		 */
		private boolean rawDelivery;

		/**
		 * How long handled event ids are kept in the eventbus_inbox table: the window in which
		 * a redelivery is recognised.
		 */
		private Duration inboxRetention = Duration.ofDays(14);

		/**
		 * Longest time a handler may keep a message invisible to other consumers: while a
		 * handler runs past the visibility timeout, the message's visibility is extended up to
		 * this limit.
		 */
		private Duration maxHandlingTime = Duration.ofMinutes(15);

		/**
		 * How long in-flight handlers may finish when the application shuts down; messages
		 * whose handler did not finish are not acknowledged and are delivered again.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(20);

		private final Retry retry = new Retry();

		private final Outage outage = new Outage();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getQueuePrefix() {
			return this.queuePrefix;
		}

		public void setQueuePrefix(@Nullable String queuePrefix) {
			this.queuePrefix = queuePrefix;
		}

		public int getMaxConcurrentMessages() {
			return this.maxConcurrentMessages;
		}

		public void setMaxConcurrentMessages(int maxConcurrentMessages) {
			this.maxConcurrentMessages = maxConcurrentMessages;
		}

		public boolean isIdempotent() {
			return this.idempotent;
		}

		public void setIdempotent(boolean idempotent) {
			this.idempotent = idempotent;
		}

		public boolean isRawDelivery() {
			return this.rawDelivery;
		}

		public void setRawDelivery(boolean rawDelivery) {
			this.rawDelivery = rawDelivery;
		}

		public Duration getInboxRetention() {
			return this.inboxRetention;
		}

		public void setInboxRetention(Duration inboxRetention) {
			this.inboxRetention = inboxRetention;
		}

		public Duration getMaxHandlingTime() {
			return this.maxHandlingTime;
		}

		public void setMaxHandlingTime(Duration maxHandlingTime) {
			this.maxHandlingTime = maxHandlingTime;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public Retry getRetry() {
			return this.retry;
		}

		/**
		 * What listeners do during outages of what they need.
		 * @return the {@code outage} group
		 */
		public Outage getOutage() {
			return this.outage;
		}

	}

	/**
	 * Redelivery of events whose listener threw: through the SQS visibility timeout, with
	 * exponential back-off, until provision.max-receive-count deliveries, then the
	 * dead-letter queue.
	 */
	public static class Retry {

		/**
		 * Delay before the first redelivery (whole seconds; SQS visibility granularity).
		 */
		private Duration initialDelay = Duration.ofSeconds(1);

		/**
		 * Factor by which the delay grows with every further failure.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest delay between two deliveries (SQS allows at most 12 hours).
		 */
		private Duration maxDelay = Duration.ofMinutes(5);

		/**
		 * Exceptions that retrying cannot fix: a message whose listener throws one of these
		 * (or a subclass) goes to the dead-letter queue at once.
		 */
		private List<Class<? extends Throwable>> nonRetryableExceptions = new ArrayList<>();

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public List<Class<? extends Throwable>> getNonRetryableExceptions() {
			return this.nonRetryableExceptions;
		}

		public void setNonRetryableExceptions(List<Class<? extends Throwable>> nonRetryableExceptions) {
			this.nonRetryableExceptions = nonRetryableExceptions;
		}

	}

	/**
	 * What listeners do when a delivery fails because something they need is down (the
	 * database, an AWS service) rather than because of the message: the listeners that hit
	 * the fault stop receiving, a probe checks the dependency with back-off, and consumption
	 * resumes once it answers; such failures never count toward the dead-letter queue.
	 */
	public static class Outage {

		/**
		 * Whether a listener failure caused by an unavailable database or AWS service pauses
		 * the listeners that need it instead of being retried like a failure of the message.
		 */
		private boolean pauseEnabled = true;

		/**
		 * Delay before the first probe of a dependency that failed.
		 */
		private Duration probeDelay = Duration.ofSeconds(1);

		/**
		 * Longest delay between two probes; the delay doubles with every failed probe up to
		 * this value.
		 */
		private Duration maxProbeDelay = Duration.ofSeconds(30);

		/**
		 * Whether outage failures pause the listeners that need the dependency.
		 * @return whether pausing is on
		 */
		public boolean isPauseEnabled() {
			return this.pauseEnabled;
		}

		/**
		 * Sets whether outage failures pause the listeners that need the dependency.
		 * @param pauseEnabled whether pausing is on
		 */
		public void setPauseEnabled(boolean pauseEnabled) {
			this.pauseEnabled = pauseEnabled;
		}

		/**
		 * The delay before the first probe.
		 * @return the delay
		 */
		public Duration getProbeDelay() {
			return this.probeDelay;
		}

		/**
		 * Sets the delay before the first probe.
		 * @param probeDelay the delay
		 */
		public void setProbeDelay(Duration probeDelay) {
			this.probeDelay = probeDelay;
		}

		/**
		 * The longest delay between two probes.
		 * @return the delay
		 */
		public Duration getMaxProbeDelay() {
			return this.maxProbeDelay;
		}

		/**
		 * Sets the longest delay between two probes.
		 * @param maxProbeDelay the delay
		 */
		public void setMaxProbeDelay(Duration maxProbeDelay) {
			this.maxProbeDelay = maxProbeDelay;
		}

	}

	/**
	 * Time limits of the calls to SNS and SQS, set on the SnsClient and SqsAsyncClient that
	 * Spring Cloud AWS auto-configures (so they apply to the application's own use of those
	 * clients too). A limit already set by another customizer is kept.
	 */
	public static class Aws {

		/**
		 * Longest time one SNS or SQS call may take, retries included; a broker that hangs
		 * then fails the call instead of blocking it. SQS calls get the listener poll timeout
		 * (spring.cloud.aws.sqs.listener.poll-timeout) added, so that a long poll is never cut
		 * short.
		 */
		private Duration apiCallTimeout = Duration.ofSeconds(10);

		/**
		 * Longest time one attempt of an SNS or SQS call may take before the SDK retries it;
		 * SQS calls get the listener poll timeout added, like api-call-timeout.
		 */
		private Duration apiCallAttemptTimeout = Duration.ofSeconds(5);

		/**
		 * The longest time of one SNS or SQS call.
		 * @return the timeout
		 */
		public Duration getApiCallTimeout() {
			return this.apiCallTimeout;
		}

		/**
		 * Sets the longest time of one SNS or SQS call.
		 * @param apiCallTimeout the timeout
		 */
		public void setApiCallTimeout(Duration apiCallTimeout) {
			this.apiCallTimeout = apiCallTimeout;
		}

		/**
		 * The longest time of one attempt of an SNS or SQS call.
		 * @return the timeout
		 */
		public Duration getApiCallAttemptTimeout() {
			return this.apiCallAttemptTimeout;
		}

		/**
		 * Sets the longest time of one attempt of an SNS or SQS call.
		 * @param apiCallAttemptTimeout the timeout
		 */
		public void setApiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
			this.apiCallAttemptTimeout = apiCallAttemptTimeout;
		}

	}

	/**
	 * The {@code eventbus} Actuator endpoint. Its read operations are available wherever the
	 * endpoint is exposed (management.endpoints.web.exposure.include); its write operations
	 * (retrying failing outbox rows, dead-letter redrive, replay) only when enabled here.
	 */
	public static class Management {

		/**
		 * Whether the write operations of the eventbus endpoint are allowed. When false
		 * they answer 403 naming this property.
		 */
		private boolean writesEnabled;

		/**
		 * Whether the write operations of the eventbus endpoint are allowed.
		 * @return whether they are
		 */
		public boolean isWritesEnabled() {
			return this.writesEnabled;
		}

		/**
		 * Sets whether the write operations of the eventbus endpoint are allowed.
		 * @param writesEnabled whether they are
		 */
		public void setWritesEnabled(boolean writesEnabled) {
			this.writesEnabled = writesEnabled;
		}

	}

	/**
	 * eventbus's Micrometer meters, registered when the application has a MeterRegistry.
	 */
	public static class Metrics {

		/**
		 * Whether eventbus registers its meters (captured events, outbox gauges, listener
		 * pauses).
		 */
		private boolean enabled = true;

		/**
		 * How often the outbox gauges (pending, failing, oldest age per channel) are read from
		 * the database, with one grouped query; a scrape reads the last result.
		 */
		private Duration outboxInterval = Duration.ofSeconds(30);

		/**
		 * Whether eventbus registers its meters.
		 * @return whether it does
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets whether eventbus registers its meters.
		 * @param enabled whether it does
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * How often the outbox gauges are read.
		 * @return the interval
		 */
		public Duration getOutboxInterval() {
			return this.outboxInterval;
		}

		/**
		 * Sets how often the outbox gauges are read.
		 * @param outboxInterval the interval, greater than zero
		 */
		public void setOutboxInterval(Duration outboxInterval) {
			this.outboxInterval = outboxInterval;
		}

	}

	/**
	 * The document of what the application needs from AWS (topics, queues, subscriptions,
	 * policies, IAM), computed from the configuration and the listener methods without calling
	 * AWS: served at /actuator/eventbus/topology and printed by print mode.
	 */
	public static class Topology {

		/**
		 * Whether the application only prints the topology document as JSON to standard
		 * output and exits with status 0: nothing is provisioned, no AWS call is made, the
		 * relay and the listener containers do not start.
		 */
		private boolean print;

		/**
		 * The AWS account id the ARNs of the document name. Without it (and without an ARN
		 * known from provisioning) ARNs hold the placeholder ${AWS::AccountId}.
		 */
		private @Nullable String accountId;

		/**
		 * The AWS region the ARNs of the document name. Defaults to the region of Spring
		 * Cloud AWS's connection details (an AwsConnectionDetails bean, as a
		 * @ServiceConnection or eventbus-test's @EnableFauxqs gives), else
		 * spring.cloud.aws.region.static; without any (and without an ARN known from
		 * provisioning) ARNs hold the placeholder ${AWS::Region}.
		 */
		private @Nullable String region;

		/**
		 * Whether print mode is on.
		 * @return whether the application prints the topology and exits
		 */
		public boolean isPrint() {
			return this.print;
		}

		/**
		 * Sets whether print mode is on.
		 * @param print whether the application prints the topology and exits
		 */
		public void setPrint(boolean print) {
			this.print = print;
		}

		/**
		 * The account id of the ARNs.
		 * @return the account id, {@code null} when not set
		 */
		public @Nullable String getAccountId() {
			return this.accountId;
		}

		/**
		 * Sets the account id of the ARNs.
		 * @param accountId the account id
		 */
		public void setAccountId(@Nullable String accountId) {
			this.accountId = accountId;
		}

		/**
		 * The region of the ARNs.
		 * @return the region, {@code null} when not set
		 */
		public @Nullable String getRegion() {
			return this.region;
		}

		/**
		 * Sets the region of the ARNs.
		 * @param region the region
		 */
		public void setRegion(@Nullable String region) {
			this.region = region;
		}

	}

	/**
	 * The {@code eventbus} health indicator (with Spring Boot's health support on the class
	 * path).
	 */
	public static class Health {

		/**
		 * How long the relay may be unable to publish (the broker unreachable, no successful
		 * send since) before the indicator reports DOWN.
		 */
		private Duration publishFailureThreshold = Duration.ofMinutes(1);

		/**
		 * How long the dead-letter queue depths shown in the details are kept before SQS is
		 * asked again.
		 */
		private Duration deadLetterCacheTtl = Duration.ofSeconds(10);

		/**
		 * How long the relay may be unable to publish before DOWN.
		 * @return the threshold
		 */
		public Duration getPublishFailureThreshold() {
			return this.publishFailureThreshold;
		}

		/**
		 * Sets how long the relay may be unable to publish before DOWN.
		 * @param publishFailureThreshold the threshold, greater than zero
		 */
		public void setPublishFailureThreshold(Duration publishFailureThreshold) {
			this.publishFailureThreshold = publishFailureThreshold;
		}

		/**
		 * How long dead-letter queue depths are kept.
		 * @return the time
		 */
		public Duration getDeadLetterCacheTtl() {
			return this.deadLetterCacheTtl;
		}

		/**
		 * Sets how long dead-letter queue depths are kept.
		 * @param deadLetterCacheTtl the time
		 */
		public void setDeadLetterCacheTtl(Duration deadLetterCacheTtl) {
			this.deadLetterCacheTtl = deadLetterCacheTtl;
		}

	}

	/**
	 * The events of {@code @PublishOutcome} methods.
	 */
	public static class Outcome {

		/**
		 * Whether the failure event of a @PublishOutcome method carries the exception's stack
		 * trace (cut at 8192 characters). Off by default: a stack trace tells every consumer
		 * about the publisher's internals and makes events large.
		 */
		private boolean includeStackTrace;

		public boolean isIncludeStackTrace() {
			return this.includeStackTrace;
		}

		public void setIncludeStackTrace(boolean includeStackTrace) {
			this.includeStackTrace = includeStackTrace;
		}

	}

}
