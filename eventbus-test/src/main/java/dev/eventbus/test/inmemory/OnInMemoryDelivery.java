package dev.eventbus.test.inmemory;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code eventbus.test.delivery} is {@code in-memory} (in any form the binder takes:
 * {@code IN_MEMORY} too).
 */
final class OnInMemoryDelivery extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		EventBusTestProperties.Delivery delivery = Binder.get(context.getEnvironment())
			.bind(EventBusTestProperties.DELIVERY, EventBusTestProperties.Delivery.class)
			.orElse(EventBusTestProperties.Delivery.BROKER);
		return (delivery == EventBusTestProperties.Delivery.IN_MEMORY)
				? ConditionOutcome.match(EventBusTestProperties.DELIVERY + " is in-memory")
				: ConditionOutcome.noMatch(EventBusTestProperties.DELIVERY + " is " + delivery);
	}

}
