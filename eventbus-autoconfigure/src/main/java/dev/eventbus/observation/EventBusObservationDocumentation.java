package dev.eventbus.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of eventbus, their names and keys. Spring Boot's meter observation handler
 * turns each into a timer of the same name whose tags are the low-cardinality keys (plus
 * {@code error}, the simple class name of the observation's error or {@code none}); a tracing
 * handler turns each into a span.
 */
public enum EventBusObservationDocumentation implements ObservationDocumentation {

	/**
	 * One per event the relay sends: from the start of the SNS call that carries it to the
	 * result for that event. A producer span, child of the trace context stored with the
	 * event at capture; its context is injected into the message attributes.
	 */
	PUBLISH {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultPublishObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return PublishKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return EventKeys.values();
		}

	},

	/**
	 * One per delivery to a listener method: from the start of handling (after the message
	 * was read and bound) to its outcome. A consumer span, child of the publish span whose
	 * context the message attributes carry.
	 */
	HANDLE {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultHandleObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return HandleKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return EventKeys.values();
		}

	};

	/** The low-cardinality keys of {@link #PUBLISH}. */
	public enum PublishKeys implements KeyName {

		/** The event's channel. */
		CHANNEL("channel"),

		/** The event's action in wire form ({@code created}, ...). */
		ACTION("action"),

		/** {@code success} or {@code failure}. */
		OUTCOME("outcome"),

		/** The simple class name of the error, {@code none} without one. */
		ERROR("error");

		private final String key;

		PublishKeys(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/** The low-cardinality keys of {@link #HANDLE}. */
	public enum HandleKeys implements KeyName {

		/** The listener id. */
		LISTENER("listener"),

		/** The event's channel. */
		CHANNEL("channel"),

		/** The event's action in wire form. */
		ACTION("action"),

		/** The {@linkplain HandleOutcome outcome}: {@code success}, {@code retried}, ... */
		OUTCOME("outcome"),

		/** The simple class name of the listener's exception, {@code none} without one. */
		ERROR("error");

		private final String key;

		HandleKeys(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/** The high-cardinality keys of both observations (spans only, never meter tags). */
	public enum EventKeys implements KeyName {

		/** The event id. */
		EVENT_ID("eventbus.event.id");

		private final String key;

		EventKeys(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
