package dev.eventbus.test.inmemory;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import dev.eventbus.autoconfigure.EventBusNamingAutoConfiguration;
import dev.eventbus.transport.EventTransport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch of in-memory delivery: off by default, on with {@code eventbus.test.delivery=in-memory},
 * bad settings stop start-up naming the property, and the environment turns Spring Cloud AWS's SNS and
 * SQS clients off.
 */
class InMemoryDeliveryAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(EventBusNamingAutoConfiguration.class, InMemoryDeliveryAutoConfiguration.class));

	@Test
	void offByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(InMemoryDelivery.class)
			.doesNotHaveBean(EventTransport.class));
	}

	@Test
	void theRelaysTransportIsInMemoryDeliveryWithThePropertyInAnyForm() {
		for (String value : new String[] { "in-memory", "IN_MEMORY" }) {
			this.runner.withPropertyValues("eventbus.test.delivery=" + value)
				.run((context) -> assertThat(context).hasSingleBean(InMemoryDelivery.class)
					.getBean(EventTransport.class)
					.isInstanceOf(InMemoryEventTransport.class));
		}
	}

	@Test
	void offWhenEventbusIsDisabled() {
		this.runner.withPropertyValues("eventbus.test.delivery=in-memory", "eventbus.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InMemoryDelivery.class));
	}

	@Test
	void noThreadsStopStartUpNamingTheProperty() {
		this.runner.withPropertyValues("eventbus.test.delivery=in-memory", "eventbus.test.in-memory.threads=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("eventbus.test.in-memory.threads"));
	}

	@Test
	void negativeRetryDelayStopsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("eventbus.test.delivery=in-memory", "eventbus.test.in-memory.retry-delay=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("eventbus.test.in-memory.retry-delay"));
	}

	@Test
	void inMemoryDeliveryTurnsTheSnsAndSqsClientsOffOverAnyOtherSetting() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("eventbus.test.delivery", "in-memory",
					"spring.cloud.aws.sqs.enabled", "true")));
		new InMemoryDeliveryEnvironment().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.cloud.aws.sns.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("spring.cloud.aws.sqs.enabled")).isEqualTo("false");
	}

	@Test
	void brokerDeliveryLeavesTheEnvironmentAlone() {
		StandardEnvironment environment = new StandardEnvironment();
		new InMemoryDeliveryEnvironment().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(InMemoryDeliveryEnvironment.PROPERTY_SOURCE)).isFalse();
	}

}
