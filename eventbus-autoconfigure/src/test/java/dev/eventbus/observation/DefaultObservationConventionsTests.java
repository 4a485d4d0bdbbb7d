package dev.eventbus.observation;

import java.util.HashMap;

import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultPublishObservationConvention} and
 * {@link DefaultHandleObservationConvention}: names, span names and tags as in
 * {@code docs/operations.md}.
 */
class DefaultObservationConventionsTests {

	@Test
	void publishIsNamedForTheChannelAndTaggedWithOutcomeAndError() {
		DefaultPublishObservationConvention convention = new DefaultPublishObservationConvention();
		PublishContext context = new PublishContext(new HashMap<>(), "Order", "created", "e-1");
		assertThat(convention.getName()).isEqualTo("eventbus.publish");
		assertThat(convention.getContextualName(context)).isEqualTo("Order publish");
		assertThat(convention.getLowCardinalityKeyValues(context)).containsExactly(KeyValue.of("action", "created"),
				KeyValue.of("channel", "Order"), KeyValue.of("error", "none"), KeyValue.of("outcome", "success"));
		context.setError(new EventNotPublishedException("InvalidParameter: too big"));
		assertThat(convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("outcome", "failure"),
				KeyValue.of("error", "EventNotPublishedException"));
		assertThat(convention.getHighCardinalityKeyValues(context))
			.containsExactly(KeyValue.of("eventbus.event.id", "e-1"));
	}

	@Test
	void handleIsNamedForTheChannelAndTaggedWithListenerOutcomeAndError() {
		DefaultHandleObservationConvention convention = new DefaultHandleObservationConvention();
		HandleContext context = new HandleContext(new HashMap<>(), "invoices", "Order", "updated", "e-2");
		assertThat(convention.getName()).isEqualTo("eventbus.handle");
		assertThat(convention.getContextualName(context)).isEqualTo("Order process");
		assertThat(convention.getLowCardinalityKeyValues(context)).containsExactly(KeyValue.of("action", "updated"),
				KeyValue.of("channel", "Order"), KeyValue.of("error", "none"), KeyValue.of("listener", "invoices"),
				KeyValue.of("outcome", "success"));
		context.setOutcome(HandleOutcome.DEAD_LETTERED);
		context.setError(new IllegalStateException("boom"));
		assertThat(convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("outcome", "dead_lettered"),
				KeyValue.of("error", "IllegalStateException"));
	}

	@Test
	void outcomesAreTheDocumentedTagValues() {
		assertThat(HandleOutcome.values()).extracting(HandleOutcome::tag)
			.containsExactly("success", "retried", "dead_lettered", "duplicate_skipped");
	}

	@Test
	void documentationNamesTheKeysOfEachObservation() {
		assertThat(EventBusObservationDocumentation.PUBLISH.getLowCardinalityKeyNames())
			.extracting(io.micrometer.common.docs.KeyName::asString)
			.containsExactly("channel", "action", "outcome", "error");
		assertThat(EventBusObservationDocumentation.HANDLE.getLowCardinalityKeyNames())
			.extracting(io.micrometer.common.docs.KeyName::asString)
			.containsExactly("listener", "channel", "action", "outcome", "error");
	}

	@Test
	void contextsCarryTheMessageAttributes() {
		HashMap<String, String> attributes = new HashMap<>();
		PublishContext publish = new PublishContext(attributes, "Order", "created", "e-1");
		publish.getSetter().set(publish.getCarrier(), "traceparent", "00-abc-def-01");
		assertThat(attributes).containsEntry("traceparent", "00-abc-def-01");
		HandleContext handle = new HandleContext(attributes, "invoices", "Order", "created", "e-1");
		assertThat(handle.getGetter().get(handle.getCarrier(), "traceparent")).isEqualTo("00-abc-def-01");
	}

}
