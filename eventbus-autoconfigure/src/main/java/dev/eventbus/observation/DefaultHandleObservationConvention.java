package dev.eventbus.observation;

import io.micrometer.common.KeyValues;

import dev.eventbus.observation.EventBusObservationDocumentation.EventKeys;
import dev.eventbus.observation.EventBusObservationDocumentation.HandleKeys;

/**
 * The default convention of {@code eventbus.handle}: named {@code eventbus.handle}, spans named
 * {@code <channel> process}, tags {@code listener}, {@code channel}, {@code action},
 * {@code outcome} and {@code error}; the event id as a high-cardinality key.
 */
public class DefaultHandleObservationConvention implements HandleObservationConvention {

	/** Creates the convention. */
	public DefaultHandleObservationConvention() {
	}

	@Override
	public String getName() {
		return "eventbus.handle";
	}

	@Override
	public String getContextualName(HandleContext context) {
		return context.getChannel() + " process";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(HandleContext context) {
		return KeyValues.of(HandleKeys.LISTENER.withValue(context.getListener()),
				HandleKeys.CHANNEL.withValue(context.getChannel()), HandleKeys.ACTION.withValue(context.getAction()),
				HandleKeys.OUTCOME.withValue(context.getOutcome().tag()),
				HandleKeys.ERROR.withValue(HandleContext.error(context.getError())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(HandleContext context) {
		return KeyValues.of(EventKeys.EVENT_ID.withValue(context.getEventId()));
	}

}
