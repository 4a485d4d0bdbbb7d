package dev.eventbus.autoconfigure;

import java.util.Map;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.PayloadMapper;
import dev.eventbus.autoconfigure.entities.EntitiesConfiguration;
import dev.eventbus.capture.BulkMutationGuard;
import dev.eventbus.capture.InvalidPayloadMapperException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 items 6 and 8 in the auto-configuration: the bulk statement guard is on unless allowed
 * (and never replaces an application's own translator), and a bad {@link PayloadMapper}
 * registration stops start-up with the analyzer's message.
 */
class CaptureAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class))
		.withUserConfiguration(EntitiesConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:capture-ac-${random.uuid}",
				"spring.application.name=capture-ac", "spring.cloud.aws.region.static=us-east-1",
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test",
				"spring.cloud.aws.endpoint=http://127.0.0.1:9", "eventbus.provision.mode=none",
				"eventbus.outbox.relay-enabled=false");

	@Test
	void bulkStatementGuardIsOnByDefault() {
		this.runner.run((context) -> assertThat(translator(context.getBean(EntityManagerFactory.class)))
			.isEqualTo(BulkMutationGuard.class.getName()));
	}

	@Test
	void bulkStatementGuardIsOffWhenBulkMutationsAreAllowed() {
		this.runner.withPropertyValues("eventbus.publish.allow-bulk-mutations=true")
			.run((context) -> assertThat(translator(context.getBean(EntityManagerFactory.class))).isNull());
	}

	@Test
	void anApplicationsOwnTranslatorIsKept() {
		this.runner
			.withPropertyValues("spring.jpa.properties.hibernate.query.sqm.translator="
					+ "org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory")
			.run((context) -> assertThat(translator(context.getBean(EntityManagerFactory.class)))
				.isEqualTo("org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory"));
	}

	@Test
	void aMapperForAPublishedChannelIsAccepted() {
		this.runner.withBean(PayloadMapper.class, () -> PayloadMapper.of("Shipment", (type, state) -> state))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void twoMappersForOneChannelStopStartUp() {
		this.runner.withUserConfiguration(TwoShipmentMappers.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidPayloadMapperException.class);
			FailureAnalysis analysis = new InvalidPayloadMapperFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Channel 'Shipment' has 2 PayloadMapper beans");
			assertThat(analysis.getAction()).contains("Keep one PayloadMapper bean for channel 'Shipment'");
		});
	}

	@Test
	void aMapperForAnUnknownChannelStopsStartUpNamingTheChannels() {
		this.runner.withBean(PayloadMapper.class, () -> PayloadMapper.of("Shipments", (type, state) -> state))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidPayloadMapperFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("Channel 'Shipments' has a PayloadMapper")
					.contains("no @PublishEvents entity publishes to it");
				assertThat(analysis.getAction()).contains("Correct the channel() of the PayloadMapper for 'Shipments'")
					.contains("Channels of @PublishEvents entities: BankPayment, CardPayment, Line, Payment, Shipment.");
			});
	}

	private static Object translator(EntityManagerFactory entityManagerFactory) {
		Map<String, Object> properties = entityManagerFactory.getProperties();
		return properties.get(BulkMutationGuard.SETTING);
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoShipmentMappers {

		@Bean
		PayloadMapper shipmentA() {
			return PayloadMapper.of("Shipment", (type, state) -> state);
		}

		@Bean
		PayloadMapper shipmentB() {
			return PayloadMapper.of("Shipment", (type, state) -> Map.of());
		}

	}

}
