package dev.eventbus.autoconfigure;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.actuate.EventBusHealthIndicator;
import dev.eventbus.autoconfigure.entities.EntitiesConfiguration;
import dev.eventbus.metrics.CapturedEventsCounter;
import dev.eventbus.metrics.ListenerPauseMeters;
import dev.eventbus.metrics.OutboxGauges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: the metrics and health auto-configurations: present with a {@link MeterRegistry}
 * (health with Spring Boot's health support), off by property or without the classes, and
 * bad intervals failing start-up naming the property.
 */
class EventBusMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class, EventBusTransportAutoConfiguration.class,
				EventBusRelayAutoConfiguration.class,
				EventBusListenerAutoConfiguration.class, EventBusMetricsAutoConfiguration.class,
				EventBusHealthAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:metrics-${random.uuid}",
				"spring.application.name=metrics", "spring.cloud.aws.region.static=us-east-1",
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test",
				"spring.cloud.aws.endpoint=http://127.0.0.1:9", "eventbus.provision.mode=none",
				"eventbus.outbox.relay-enabled=false");

	@Test
	void registersTheMetersWhenTheApplicationHasAMeterRegistry() {
		this.runner.withUserConfiguration(Registry.class)
			.run((context) -> assertThat(context).hasSingleBean(CapturedEventsCounter.class)
				.hasSingleBean(OutboxGauges.class)
				.hasSingleBean(ListenerPauseMeters.class));
	}

	@Test
	void theOutboxGaugesExistForEveryPublishedChannelFromTheStart() {
		// without listeners: provisioning (none mode) would look the topics up
		this.runner.withUserConfiguration(Registry.class, EntitiesConfiguration.class)
			.withPropertyValues("eventbus.consume.enabled=false")
			.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("eventbus.outbox.pending").gauges()).as("a gauge per published channel")
				.extracting((gauge) -> gauge.getId().getTag("channel"))
				.containsExactlyInAnyOrder("Shipment", "Payment", "CardPayment", "BankPayment", "Line");
		});
	}

	@Test
	void noMetersWithoutAMeterRegistry() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(CapturedEventsCounter.class)
			.doesNotHaveBean(OutboxGauges.class)
			.doesNotHaveBean(ListenerPauseMeters.class));
	}

	@Test
	void noMetersWhenSwitchedOff() {
		this.runner.withUserConfiguration(Registry.class)
			.withPropertyValues("eventbus.metrics.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CapturedEventsCounter.class)
				.doesNotHaveBean(OutboxGauges.class)
				.doesNotHaveBean(ListenerPauseMeters.class));
	}

	@Test
	void countsTheNetEventsOfACommit() {
		this.runner.withUserConfiguration(Registry.class, EntitiesConfiguration.class)
			.withPropertyValues("eventbus.consume.enabled=false")
			.run((context) -> {
			TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			EntityManager entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
			tx.executeWithoutResult((status) -> {
				entityManager.joinTransaction();
				EntitiesConfiguration.Shipment kept = new EntitiesConfiguration.Shipment();
				EntitiesConfiguration.Shipment dropped = new EntitiesConfiguration.Shipment();
				entityManager.persist(kept);
				entityManager.persist(dropped);
				entityManager.flush();
				kept.status = "PACKED";
				entityManager.remove(dropped);
				entityManager.flush();
			});
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("eventbus.captured").tag("channel", "Shipment").tag("action", "created").counter()
				.count()).isEqualTo(1);
			assertThat(registry.find("eventbus.captured").tag("action", "updated").counter()).isNull();
			assertThat(registry.find("eventbus.captured").tag("action", "deleted").counter()).isNull();
		});
	}

	@Test
	void countsTheEventsOfACommitAndNothingOfARollback() {
		this.runner.withUserConfiguration(Registry.class, EntitiesConfiguration.class)
			.withPropertyValues("eventbus.consume.enabled=false")
			.run((context) -> {
			TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			EntityManager entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
			tx.executeWithoutResult((status) -> {
				entityManager.joinTransaction();
				entityManager.persist(new EntitiesConfiguration.Shipment());
				entityManager.persist(new EntitiesConfiguration.Shipment());
				entityManager.flush();
			});
			tx.executeWithoutResult((status) -> {
				entityManager.joinTransaction();
				entityManager.persist(new EntitiesConfiguration.Shipment());
				entityManager.flush();
				status.setRollbackOnly();
			});
			assertThat(context.getBean(MeterRegistry.class)
				.get("eventbus.captured")
				.tag("channel", "Shipment")
				.tag("action", "created")
				.counter()
				.count()).isEqualTo(2);
		});
	}

	@Test
	void anOutboxIntervalOfZeroFailsStartUpNamingTheProperty() {
		this.runner.withUserConfiguration(Registry.class)
			.withPropertyValues("eventbus.metrics.outbox-interval=0s")
			.run((context) -> assertInvalid(context, "eventbus.metrics.outbox-interval"));
	}

	@Test
	void theHealthIndicatorIsNamedEventbusAndSaysTheRelayIsOff() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("eventbusHealthIndicator");
			Health health = context.getBean(EventBusHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKey("outbox");
			assertThat(String.valueOf(health.getDetails().get("relay"))).startsWith("off");
		});
	}

	@Test
	void noHealthIndicatorWhenDisabledOrWithoutSpringBootHealth() {
		this.runner.withPropertyValues("management.health.eventbus.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EventBusHealthIndicator.class));
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EventBusHealthIndicator.class));
	}

	@Test
	void aPublishFailureThresholdOfZeroFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("eventbus.health.publish-failure-threshold=0s")
			.run((context) -> assertInvalid(context, "eventbus.health.publish-failure-threshold"));
	}

	private static void assertInvalid(org.springframework.boot.test.context.assertj.AssertableApplicationContext context,
			String property) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof InvalidConfigurationPropertyValueException)) {
			failure = failure.getCause();
		}
		assertThat(failure).isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
			assertThat(invalid.getName()).isEqualTo(property);
			assertThat(invalid.getReason()).contains("longer than zero");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
