package dev.eventbus.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import dev.eventbus.Listener;
import dev.eventbus.autoconfigure.entities.EntitiesConfiguration;
import dev.eventbus.autoconfigure.noaction.NoActionConfiguration;
import dev.eventbus.autoconfigure.typo.TypoConfiguration;
import dev.eventbus.capture.EventFactory;
import dev.eventbus.capture.InvalidPublishEventsException;
import dev.eventbus.consume.Inbox;
import dev.eventbus.consume.ListenerAnnotationBeanPostProcessor;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.consume.ListenerMethodException;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.outbox.OutboxStore;
import dev.eventbus.provision.NamingStrategy;
import dev.eventbus.provision.ProvisionMode;
import dev.eventbus.provision.SnsSqsProvisioner;
import dev.eventbus.transport.EventTransport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration: what it defines, when it backs off, and how it fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventBusAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class,
				EventBusTransportAutoConfiguration.class, EventBusRelayAutoConfiguration.class,
				EventBusListenerAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig-${random.uuid}",
				"spring.application.name=autoconfig", "spring.cloud.aws.region.static=us-east-1",
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test",
				"spring.cloud.aws.endpoint=http://127.0.0.1:9", "eventbus.provision.mode=none");

	@Test
	void definesTheOutboxRelayProvisionerAndListenerContainersByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(OutboxStore.class)
			.hasSingleBean(EventFactory.class)
			.hasSingleBean(OutboxRelay.class)
			.hasSingleBean(EventTransport.class)
			.hasSingleBean(SnsSqsProvisioner.class)
			.hasSingleBean(NamingStrategy.class)
			.hasSingleBean(ListenerContainers.class)
			.hasSingleBean(Inbox.class));
	}

	@Test
	void createsTheOutboxAndInboxTablesOnStartUp() {
		this.runner.run((context) -> {
			var jdbc = new org.springframework.jdbc.core.JdbcTemplate(context.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox", Long.class)).isZero();
			assertThat(jdbc.queryForObject("select count(*) from eventbus_inbox", Long.class)).isZero();
		});
	}

	@Test
	void backsOffWhenTheUserDefinesTheTransportOrNamingStrategy() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(EventTransport.class).hasSingleBean(NamingStrategy.class);
			assertThat(context.getBean(EventTransport.class)).isSameAs(context.getBean("userTransport"));
			assertThat(context.getBean(NamingStrategy.class)).isSameAs(context.getBean("userNaming"));
		});
	}

	@Test
	void disabledByProperty() {
		this.runner.withPropertyValues("eventbus.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OutboxStore.class)
				.doesNotHaveBean(OutboxRelay.class)
				.doesNotHaveBean(ListenerContainers.class));
	}

	@Test
	void relayAndConsumersCanBeSwitchedOffSeparately() {
		this.runner.withPropertyValues("eventbus.outbox.relay-enabled=false", "eventbus.consume.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(OutboxStore.class)
				.doesNotHaveBean(OutboxRelay.class)
				.doesNotHaveBean(ListenerContainers.class));
	}

	@Test
	void withoutSqsOnTheClassPathOnlyTheOutboxIsConfigured() {
		this.runner.withClassLoader(new FilteredClassLoader(SqsAsyncClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(OutboxStore.class)
				.hasSingleBean(EventFactory.class)
				.hasSingleBean(NamingStrategy.class)
				.doesNotHaveBean(SnsSqsProvisioner.class)
				.doesNotHaveBean(ListenerContainers.class));
	}

	@Test
	void bindsProperties() {
		this.runner
			.withPropertyValues("eventbus.outbox.batch-size=7", "eventbus.outbox.poll-interval=3s",
					"eventbus.provision.mode=validate", "eventbus.consume.retry.multiplier=3",
					"eventbus.consume.retry.non-retryable-exceptions=java.lang.IllegalArgumentException",
					"eventbus.publish.topic-prefix=shop-")
			.run((context) -> {
				EventBusProperties properties = context.getBean(EventBusProperties.class);
				assertThat(properties.getOutbox().getBatchSize()).isEqualTo(7);
				assertThat(properties.getOutbox().getPollInterval()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getProvision().getMode()).isEqualTo(ProvisionMode.VALIDATE);
				assertThat(properties.getConsume().getRetry().getMultiplier()).isEqualTo(3.0);
				assertThat(properties.getConsume().getRetry().getNonRetryableExceptions())
					.containsExactly(IllegalArgumentException.class);
				assertThat(context.getBean(NamingStrategy.class).topicName("Order")).isEqualTo("shop-Order");
			});
	}

	@Test
	void listenerWithUnbindableParametersFailsStartUpNamingTheMethodAndTheFix() {
		this.runner.withUserConfiguration(BadListenerConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			ListenerMethodException cause = findCause(failure, ListenerMethodException.class);
			FailureAnalysis analysis = new ListenerMethodFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("BadListener.on(int, int)");
			assertThat(analysis.getAction()).contains("EntityEvent<OrderView> event")
				.contains("String channel, Action action, Map<String, Object> data");
			assertThat(cause.getMethod()).contains("BadListener.on(int, int)");
		});
	}

	@Test
	void missingOutboxTableWithSchemaInitializationNeverFailsStartUpNamingThePropertyAndScript() {
		this.runner.withPropertyValues("eventbus.outbox.initialize-schema=never").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new OutboxTableMissingFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("eventbus.outbox.initialize-schema is never");
			assertThat(analysis.getAction()).contains("classpath:dev/eventbus/schema-h2.sql")
				.contains("eventbus_outbox and eventbus_inbox")
				.contains("eventbus.outbox.initialize-schema=always");
		});
	}

	@Test
	void missingLeaseTablesFailStartUpWhereTheRelayRunsNamingTheTableAndTheUpgradeScripts() {
		String url = "jdbc:h2:mem:autoconfig-leases-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = DataSourceBuilder.create().url(url).username("sa").build();
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-h2.sql")).execute(dataSource);
		new JdbcTemplate(dataSource).execute("drop table eventbus_outbox_lease");
		this.runner.withPropertyValues("spring.datasource.url=" + url, "eventbus.outbox.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new OutboxTableMissingFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("The eventbus_outbox_lease table")
					.contains("eventbus.outbox.initialize-schema is never");
				assertThat(analysis.getAction()).contains("classpath:dev/eventbus/schema-h2.sql")
					.contains("upgrade-*-{postgresql,h2,mysql}.sql");
			});
		this.runner
			.withPropertyValues("spring.datasource.url=" + url, "eventbus.outbox.initialize-schema=never",
					"eventbus.outbox.relay-enabled=false")
			.run((context) -> assertThat(context).as("an instance that does not relay needs no lease tables")
				.hasNotFailed()
				.doesNotHaveBean(OutboxRelay.class));
	}

	@Test
	void anOutboxTableWithoutThePartitionColumnFailsStartUp() {
		String url = "jdbc:h2:mem:autoconfig-partition-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = DataSourceBuilder.create().url(url).username("sa").build();
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-h2.sql")).execute(dataSource);
		new JdbcTemplate(dataSource).execute("alter table eventbus_outbox drop column partition_no");
		this.runner.withPropertyValues("spring.datasource.url=" + url, "eventbus.outbox.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new OutboxTableMissingFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("The eventbus_outbox table (or a column of it) does not exist");
			});
	}

	/** Second read of the observation change, finding 5: without the column every commit of an event fails. */
	@Test
	void anOutboxTableWithoutTheTraceContextColumnFailsStartUpNamingTheUpgradeScript() {
		String url = "jdbc:h2:mem:autoconfig-trace-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = DataSourceBuilder.create().url(url).username("sa").build();
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-h2.sql")).execute(dataSource);
		new JdbcTemplate(dataSource).execute("alter table eventbus_outbox drop column trace_context");
		this.runner.withPropertyValues("spring.datasource.url=" + url, "eventbus.outbox.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(findCause(context.getStartupFailure(), OutboxTableMissingException.class))
					.hasMessageContaining("upgrade script classpath:dev/eventbus/upgrade-tracing-h2.sql");
				FailureAnalysis analysis = new OutboxTableMissingFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("The eventbus_outbox table (or a column of it)");
				assertThat(analysis.getAction()).contains("the upgrade script classpath:dev/eventbus/upgrade-tracing-h2.sql");
			});
	}

	@Test
	void relaySettingsOutOfRangeFailStartUpNamingTheProperty() {
		Map<String, String> bad = Map.of("eventbus.outbox.lease-duration", "500ms", "eventbus.outbox.batch-size", "0",
				"eventbus.outbox.relay-workers", "0", "eventbus.outbox.poll-interval", "0s");
		bad.forEach((property, value) -> this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			InvalidConfigurationPropertyValueException cause = findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class);
			assertThat(cause.getName()).isEqualTo(property);
			assertThat(cause.getReason()).isNotBlank();
		}));
	}

	@Test
	void schemaInitializationDefaultsToEmbeddedDatabasesOnly() {
		this.runner.run((context) -> assertThat(context.getBean(EventBusProperties.class).getOutbox()
			.getInitializeSchema()).isEqualTo(DatabaseInitializationMode.EMBEDDED));
	}

	@Test
	void onADatabaseThatIsNotEmbeddedTheDefaultCreatesNoTableAndNamesTheSetting() {
		String schema = PostgresSchema.fresh("ac_schema_embedded");
		this.runner.withPropertyValues("spring.datasource.url=" + PostgresSchema.url(schema),
				"spring.datasource.username=postgres", "spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new OutboxTableMissingFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains("eventbus.outbox.initialize-schema is embedded and the database is not an embedded one");
				assertThat(analysis.getAction()).contains("classpath:dev/eventbus/schema-postgresql.sql")
					.contains("eventbus.outbox.initialize-schema=always");
				assertThat(PostgresSchema.tables(schema)).isEmpty();
			});
	}

	@Test
	void onADatabaseThatIsNotEmbeddedAlwaysCreatesBothTables() {
		String schema = PostgresSchema.fresh("ac_schema_always");
		this.runner.withPropertyValues("spring.datasource.url=" + PostgresSchema.url(schema),
				"spring.datasource.username=postgres", "spring.jpa.hibernate.ddl-auto=none",
				"eventbus.outbox.initialize-schema=always")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(PostgresSchema.tables(schema)).contains("eventbus_outbox", "eventbus_inbox");
			});
	}

	@Test
	void anExcludedNameThatIsNoAttributeFailsStartUpNamingTheEntityTheNameAndTheAttributes() {
		this.runner.withUserConfiguration(TypoConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			InvalidPublishEventsException cause = findCause(context.getStartupFailure(),
					InvalidPublishEventsException.class);
			assertThat(cause.getUnknownExcludes()).containsExactly("cardNumbr");
			FailureAnalysis analysis = new InvalidPublishEventsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(TypoConfiguration.Card.class.getName())
				.contains("excludes 'cardNumbr', which is not an attribute of the entity");
			assertThat(analysis.getAction()).contains("@PublishEvents(exclude = ...)")
				.contains("Attributes of the entity: cardNumber, holder, id.");
		});
	}

	@Test
	void anExcludedAttributeOfOneSubclassIsKnown() {
		this.runner.withUserConfiguration(EntitiesConfiguration.class)
			.withPropertyValues("eventbus.consume.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(EventFactory.class));
	}

	@Test
	void publishEventsWithoutActionsFailsStartUp() {
		this.runner.withUserConfiguration(NoActionConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidPublishEventsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(NoActionConfiguration.Silent.class.getName())
				.contains("publishes no action");
			assertThat(analysis.getAction()).contains("@PublishEvents(actions = ...)");
		});
	}

	@Test
	void aReplacedMessageCodecIsUsedAndCreatedAfterThePostProcessors(CapturedOutput output) {
		this.runner.withUserConfiguration(CodecConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(EventMessageCodec.class)).isSameAs(context.getBean("userCodec"));
				assertThat(context.getBean(CodecConfiguration.class).codecCreatedAfterPostProcessors).isTrue();
			});
		assertThat(output).doesNotContain("not eligible for getting processed by all BeanPostProcessors");
	}

	@Test
	void withTwoDataSourcesThePrimaryOneIsUsed() {
		this.runner.withUserConfiguration(TwoDataSourcesConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(OutboxStore.class).hasSingleBean(Inbox.class);
			var jdbc = new org.springframework.jdbc.core.JdbcTemplate(context.getBean("primaryDataSource",
					javax.sql.DataSource.class));
			assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox", Long.class)).isZero();
		});
	}

	@Test
	void withTwoContainerFactoriesTheDefaultOneOfSqsListenerIsUsed() {
		this.runner.withUserConfiguration(TwoContainerFactoriesConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ListenerContainers.class));
	}

	@Test
	void listenerQueuesWithoutApplicationNameFailStartUpNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class,
				EventBusTransportAutoConfiguration.class, EventBusRelayAutoConfiguration.class,
				EventBusListenerAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:noname", "spring.cloud.aws.region.static=us-east-1",
					"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test",
					"eventbus.provision.mode=none")
			.withUserConfiguration(GoodListenerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MissingQueuePrefixFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("spring.application.name")
					.contains("eventbus.consume.queue-prefix");
			});
	}

	static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		EventTransport userTransport() {
			return (events) -> Map.of();
		}

		@Bean
		NamingStrategy userNaming() {
			return new dev.eventbus.provision.DefaultNamingStrategy("mine-", "mine", false);
		}

	}

	static class BadListener {

		@Listener("Order")
		void on(int a, int b) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadListenerConfiguration {

		@Bean
		BadListener badListener() {
			return new BadListener();
		}

	}

	static class GoodListener {

		@Listener("Order")
		void on(Map<String, Object> order) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GoodListenerConfiguration {

		@Bean
		GoodListener goodListener() {
			return new GoodListener();
		}

	}


	@Configuration(proxyBeanMethods = false)
	static class CodecConfiguration {

		volatile boolean codecCreatedAfterPostProcessors;

		@Bean
		EventMessageCodec userCodec(DefaultListableBeanFactory beanFactory) {
			this.codecCreatedAfterPostProcessors = beanFactory.getBeanPostProcessors()
				.stream()
				.anyMatch(ListenerAnnotationBeanPostProcessor.class::isInstance);
			return new EventMessageCodec();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		@Primary
		DataSource primaryDataSource() {
			return dataSource("primary");
		}

		@Bean
		DataSource reportingDataSource() {
			return dataSource("reporting");
		}

		private static DataSource dataSource(String name) {
			return DataSourceBuilder.create().url("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoContainerFactoriesConfiguration {

		@Bean
		SqsMessageListenerContainerFactory<Object> defaultSqsListenerContainerFactory(SqsAsyncClient sqs) {
			return SqsMessageListenerContainerFactory.builder().sqsAsyncClient(sqs).build();
		}

		@Bean
		SqsMessageListenerContainerFactory<Object> otherSqsListenerContainerFactory(SqsAsyncClient sqs) {
			return SqsMessageListenerContainerFactory.builder().sqsAsyncClient(sqs).build();
		}

	}

}
