package dev.eventbus.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of {@code eventbus.publish} observations. A bean of this type replaces
 * {@link DefaultPublishObservationConvention}.
 */
public interface PublishObservationConvention extends ObservationConvention<PublishContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PublishContext;
	}

}
