package dev.eventbus.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of {@code eventbus.handle} observations. A bean of this type replaces
 * {@link DefaultHandleObservationConvention}.
 */
public interface HandleObservationConvention extends ObservationConvention<HandleContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof HandleContext;
	}

}
