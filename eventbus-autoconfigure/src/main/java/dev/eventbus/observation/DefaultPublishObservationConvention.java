package dev.eventbus.observation;

import io.micrometer.common.KeyValues;

import dev.eventbus.observation.EventBusObservationDocumentation.EventKeys;
import dev.eventbus.observation.EventBusObservationDocumentation.PublishKeys;

/**
 * The default convention of {@code eventbus.publish}: named {@code eventbus.publish}, spans
 * named {@code <channel> publish}, tags {@code channel}, {@code action}, {@code outcome}
 * ({@code success}, or {@code failure} when the observation has an error) and {@code error};
 * the event id as a high-cardinality key.
 */
public class DefaultPublishObservationConvention implements PublishObservationConvention {

	/** Creates the convention. */
	public DefaultPublishObservationConvention() {
	}

	@Override
	public String getName() {
		return "eventbus.publish";
	}

	@Override
	public String getContextualName(PublishContext context) {
		return context.getChannel() + " publish";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PublishContext context) {
		return KeyValues.of(PublishKeys.CHANNEL.withValue(context.getChannel()),
				PublishKeys.ACTION.withValue(context.getAction()),
				PublishKeys.OUTCOME.withValue((context.getError() == null) ? "success" : "failure"),
				PublishKeys.ERROR.withValue(HandleContext.error(context.getError())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(PublishContext context) {
		return KeyValues.of(EventKeys.EVENT_ID.withValue(context.getEventId()));
	}

}
