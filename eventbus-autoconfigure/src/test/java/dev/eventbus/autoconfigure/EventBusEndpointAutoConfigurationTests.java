package dev.eventbus.autoconfigure;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import dev.eventbus.actuate.EventBusEndpoint;
import dev.eventbus.consume.ListenerAnnotationBeanPostProcessor;
import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.outbox.FailingEvents;
import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.provision.SnsSqsProvisioner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint and topology auto-configurations: the endpoint exists where Actuator is present
 * and the endpoint exposed; print mode creates neither the relay nor the listener containers.
 */
class EventBusEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class, EventBusTransportAutoConfiguration.class,
				EventBusRelayAutoConfiguration.class,
				EventBusListenerAutoConfiguration.class, EventBusTopologyAutoConfiguration.class,
				EventBusEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:endpoint-${random.uuid}",
				"spring.application.name=endpoint", "spring.cloud.aws.region.static=us-east-1",
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test",
				"spring.cloud.aws.endpoint=http://127.0.0.1:9", "eventbus.provision.mode=none");

	@Test
	void endpointExistsWhereExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=eventbus")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(EventBusEndpoint.class)
				.hasSingleBean(FailingEvents.class));
	}

	@Test
	void noEndpointWhereNotExposed() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EventBusEndpoint.class));
	}

	@Test
	void noEndpointWithoutActuator() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=eventbus")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EventBusEndpoint.class));
	}

	@Test
	void printModeCreatesNoRelayAndNoListenerContainersButFindsListenerMethods() {
		this.runner.withPropertyValues("eventbus.topology.print=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OutboxRelay.class)
				.doesNotHaveBean(ListenerContainers.class)
				.hasSingleBean(ListenerAnnotationBeanPostProcessor.class)
				.hasSingleBean(SnsSqsProvisioner.class)
				.hasSingleBean(TopologyPrinter.class));
	}

}
