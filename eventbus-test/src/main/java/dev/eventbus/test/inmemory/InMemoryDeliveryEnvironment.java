package dev.eventbus.test.inmemory;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code eventbus.test.delivery=in-memory}, switches Spring Cloud AWS's SNS and SQS
 * auto-configuration off ({@code spring.cloud.aws.sns.enabled} and {@code spring.cloud.aws.sqs.enabled}
 * set to {@code false}, over any other setting), so no AWS client is created and none needs an
 * endpoint, a region or credentials.
 */
public final class InMemoryDeliveryEnvironment implements EnvironmentPostProcessor {

	/** The name of the property source this adds. */
	static final String PROPERTY_SOURCE = "eventbusInMemoryDelivery";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		EventBusTestProperties.Delivery delivery = Binder.get(environment)
			.bind(EventBusTestProperties.DELIVERY, EventBusTestProperties.Delivery.class)
			.orElse(EventBusTestProperties.Delivery.BROKER);
		if (delivery == EventBusTestProperties.Delivery.IN_MEMORY) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE,
						Map.of("spring.cloud.aws.sns.enabled", "false", "spring.cloud.aws.sqs.enabled", "false")));
		}
	}

}
