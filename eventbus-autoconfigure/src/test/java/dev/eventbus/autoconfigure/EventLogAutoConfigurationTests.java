package dev.eventbus.autoconfigure;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import dev.eventbus.EventLog;
import dev.eventbus.EventLogPage;
import dev.eventbus.EventLogPosition;
import dev.eventbus.LoggedEvent;
import dev.eventbus.outbox.JdbcEventLog;
import dev.eventbus.outbox.OutboxRelay;

import static dev.eventbus.autoconfigure.EventBusAutoConfigurationTests.findCause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 7: the {@link EventLog} bean, the retention properties ("forever" is
 * {@code eventbus.outbox.purge-enabled=false}) and the start-up check of the event log's indexes.
 */
class EventLogAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class, EventBusTransportAutoConfiguration.class,
				EventBusRelayAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:eventlog-${random.uuid}",
				"spring.application.name=eventlog", "spring.cloud.aws.region.static=us-east-1",
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test",
				"spring.cloud.aws.endpoint=http://127.0.0.1:9", "eventbus.provision.mode=none");

	@Test
	void definesTheEventLogOnTheOutboxTable() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(EventLog.class);
			assertThat(context.getBean(EventLog.class)).isInstanceOf(JdbcEventLog.class);
			EventLogPage<Object> page = context.getBean(EventLog.class)
				.read("Order", EventLogPosition.START, 10, Object.class);
			assertThat(page.events()).isEmpty();
			assertThat(page.next()).isEqualTo(EventLogPosition.START);
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAnEventLog() {
		this.runner.withUserConfiguration(UserLog.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(EventLog.class)
				.isSameAs(context.getBean(UserLog.class).log));
	}

	@Test
	void aRetentionOfZeroFailsStartUpNamingThePropertyAndTheWayToKeepEventsForever() {
		this.runner.withPropertyValues("eventbus.outbox.retention=0s").run((context) -> {
			assertThat(context).hasFailed();
			InvalidConfigurationPropertyValueException cause = findCause(context.getStartupFailure(),
					InvalidConfigurationPropertyValueException.class);
			assertThat(cause.getName()).isEqualTo("eventbus.outbox.retention");
			assertThat(cause.getReason()).contains("eventbus.outbox.purge-enabled=false");
		});
	}

	@Test
	void eventsKeptForeverNeedNoRetention() {
		this.runner.withPropertyValues("eventbus.outbox.purge-enabled=false", "eventbus.outbox.retention=0s")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(OutboxRelay.class));
	}

	@Test
	void aSettleTimeOfZeroFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("eventbus.outbox.log-settle-time=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(findCause(context.getStartupFailure(), InvalidConfigurationPropertyValueException.class).getName())
				.isEqualTo("eventbus.outbox.log-settle-time");
		});
	}

	@Test
	void anOutboxTableWithoutTheEventLogIndexFailsStartUpNamingTheIndexAndTheUpgradeScript() {
		String url = "jdbc:h2:mem:eventlog-index-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = DataSourceBuilder.create().url(url).username("sa").build();
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-h2.sql")).execute(dataSource);
		new JdbcTemplate(dataSource).execute("drop index eventbus_outbox_channel");
		this.runner.withPropertyValues("spring.datasource.url=" + url, "eventbus.outbox.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new OutboxTableMissingFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.startsWith("The index eventbus_outbox_channel of the eventbus_outbox table does not exist")
					.contains("classpath:dev/eventbus/upgrade-eventlog-h2.sql");
				assertThat(analysis.getAction()).contains("the upgrade script classpath:dev/eventbus/upgrade-eventlog-h2.sql");
			});
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/upgrade-eventlog-h2.sql")).execute(dataSource);
		this.runner.withPropertyValues("spring.datasource.url=" + url, "eventbus.outbox.initialize-schema=never")
			.run((context) -> assertThat(context).as("after the upgrade script").hasNotFailed());
	}

	/** The index is looked up in the connection's schema: another schema's table with it does not count. */
	@Test
	void onPostgresqlTheIndexCheckLooksAtTheApplicationsOwnSchema() {
		String withIndexes = PostgresSchema.fresh("ac_eventlog_indexed");
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-postgresql.sql"))
			.execute(new DriverManagerDataSource(PostgresSchema.url(withIndexes), "postgres", ""));
		String schema = PostgresSchema.fresh("ac_eventlog_index");
		DataSource dataSource = new DriverManagerDataSource(PostgresSchema.url(schema), "postgres", "");
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/schema-postgresql.sql")).execute(dataSource);
		new JdbcTemplate(dataSource).execute("drop index eventbus_outbox_entity");
		List<String> properties = List.of("spring.datasource.url=" + PostgresSchema.url(schema),
				"spring.datasource.username=postgres", "eventbus.outbox.initialize-schema=never");
		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(findCause(context.getStartupFailure(), OutboxTableMissingException.class))
				.hasMessageStartingWith("The index eventbus_outbox_entity of the eventbus_outbox table does not exist")
				.hasMessageContaining("classpath:dev/eventbus/upgrade-eventlog-postgresql.sql");
		});
		new ResourceDatabasePopulator(new ClassPathResource("dev/eventbus/upgrade-eventlog-postgresql.sql"))
			.execute(dataSource);
		this.runner.withPropertyValues(properties.toArray(String[]::new))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class UserLog {

		final EventLog log = new EventLog() {

			@Override
			public <T> List<LoggedEvent<T>> history(String channel, Object entityId, Class<T> payloadType) {
				return List.of();
			}

			@Override
			public <T> EventLogPage<T> read(String channel, EventLogPosition after, int limit, Class<T> payloadType) {
				return new EventLogPage<>(List.of(), after, false);
			}

		};

		@Bean
		EventLog userEventLog() {
			return this.log;
		}

	}

}
