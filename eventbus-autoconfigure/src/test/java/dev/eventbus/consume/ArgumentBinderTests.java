package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.message.EventMessage;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.message.MalformedMessageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ArgumentBinder}: each parameter style of {@link dev.eventbus.Listener}
 * binds, and a signature in none of them fails naming the method and the styles.
 */
class ArgumentBinderTests {

	private static final Instant OCCURRED_AT = Instant.parse("2026-11-23T10:00:00Z");

	private final EventMessageCodec codec = new EventMessageCodec();

	@Test
	void entityEventOfARecordBindsTheWholeEventWithThePayloadConverted() {
		@Nullable Object[] args = binder("onEvent", EntityEvent.class).bind(updated());
		assertThat(args).hasSize(1);
		EntityEvent<?> event = (EntityEvent<?>) args[0];
		assertThat(event.eventId()).isEqualTo("8f8c2b6e-7c6a-4d35-9c1a-2f1f3a7d9b10");
		assertThat(event.channel()).isEqualTo("Order");
		assertThat(event.action()).isEqualTo(Action.UPDATED);
		assertThat(event.entityType()).isEqualTo("PurchaseOrder");
		assertThat(event.entityId()).isEqualTo("7");
		assertThat(event.occurredAt()).isEqualTo(OCCURRED_AT);
		assertThat(event.publisher()).isEqualTo("shop");
		assertThat(event.entityVersion()).isEqualTo(3L);
		assertThat(event.payload()).isEqualTo(new OrderView("7", "PAID"));
		assertThat(event.changes()).containsOnlyKeys("status");
		assertThat(event.changes().get("status")).isEqualTo(new EntityEvent.Change("NEW", "PAID"));
	}

	@Test
	void entityEventWithoutTypeArgumentGetsThePayloadAsMapAndNoChangesWhenThereAreNone() {
		EventMessage created = message("created", null);
		EntityEvent<?> event = (EntityEvent<?>) binder("onRawEvent", EntityEvent.class).bind(created)[0];
		assertThat(event.payload()).isEqualTo(Map.of("id", "7", "status", "PAID"));
		assertThat(event.action()).isEqualTo(Action.CREATED);
		assertThat(event.changes()).isEmpty();
	}

	@Test
	void payloadParameterGetsThePayloadConvertedToItsType() {
		assertThat(binder("onOrder", OrderView.class).bind(updated())).containsExactly(new OrderView("7", "PAID"));
		assertThat(binder("onMap", Map.class).bind(updated()))
			.containsExactly(Map.of("id", "7", "status", "PAID"));
	}

	@Test
	void payloadThatDoesNotConvertIsMalformed() {
		EventMessage message = new EventMessage("8f8c2b6e-7c6a-4d35-9c1a-2f1f3a7d9b10", "Order", "created",
				"PurchaseOrder", "7", OCCURRED_AT, "shop", 1, null, Map.of("id", List.of("not", "text")), null);
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> binder("onOrder", OrderView.class).bind(message))
			.withMessageContaining("payload does not convert to");
	}

	@Test
	void frameStyleBindsChannelActionAndPayload() {
		assertThat(binder("onFrame", String.class, Action.class, Map.class).bind(updated()))
			.containsExactly("Order", Action.UPDATED, payload());
		assertThat(binder("onFrameWithActionName", String.class, String.class, Map.class).bind(updated()))
			.containsExactly("Order", "updated", payload());
	}

	@Test
	void unbindableParametersFailNamingTheMethodAndTheSupportedStyles() {
		assertThatExceptionOfType(ListenerMethodException.class)
			.isThrownBy(() -> binder("sum", int.class, int.class))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).isEqualTo("@Listener method " + Listeners.class.getName()
						+ ".sum(int, int) has parameters that cannot be bound");
				assertThat(ex.getMethod()).isEqualTo(Listeners.class.getName() + ".sum(int, int)");
				assertThat(ex.getFix()).contains("void on(EntityEvent<OrderView> event)")
					.contains("void on(OrderView order)")
					.contains("void on(String channel, Action action, Map<String, Object> data)");
			});
		assertThatExceptionOfType(ListenerMethodException.class).isThrownBy(() -> binder("none"))
			.withMessageContaining(".none() has parameters that cannot be bound");
	}

	@Test
	void singleParameterThatNoPayloadConvertsToFailsNamingTheMethodAndTheType() {
		assertThatExceptionOfType(ListenerMethodException.class).isThrownBy(() -> binder("onText", String.class))
			.withMessage("@Listener method " + Listeners.class.getName()
					+ ".onText(String) takes a String, which a payload cannot be converted to")
			.satisfies((ex) -> assertThat(ex.getFix()).isEqualTo(ListenerMethodException.SUPPORTED_SIGNATURES));
		assertThatExceptionOfType(ListenerMethodException.class).isThrownBy(() -> binder("onNumber", long.class))
			.withMessageContaining(".onNumber(long) takes a long");
		assertThatExceptionOfType(ListenerMethodException.class).isThrownBy(() -> binder("onAction", Action.class))
			.withMessageContaining(".onAction(Action) takes a Action");
	}

	private ArgumentBinder binder(String name, Class<?>... parameterTypes) {
		try {
			Method method = Listeners.class.getDeclaredMethod(name, parameterTypes);
			return ArgumentBinder.forMethod(method, this.codec);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static EventMessage updated() {
		Map<String, Map<String, @Nullable Object>> changes = new LinkedHashMap<>();
		Map<String, @Nullable Object> status = new LinkedHashMap<>();
		status.put("old", "NEW");
		status.put("new", "PAID");
		changes.put("status", status);
		return message("updated", changes);
	}

	private static EventMessage message(String action, @Nullable Map<String, Map<String, @Nullable Object>> changes) {
		return new EventMessage("8f8c2b6e-7c6a-4d35-9c1a-2f1f3a7d9b10", "Order", action, "PurchaseOrder", "7",
				OCCURRED_AT, "shop", 1, 3L, payload(), changes);
	}

	private static Map<String, @Nullable Object> payload() {
		Map<String, @Nullable Object> payload = new LinkedHashMap<>();
		payload.put("id", "7");
		payload.put("status", "PAID");
		return payload;
	}

	record OrderView(String id, String status) {
	}

	@SuppressWarnings("unused")
	static class Listeners {

		void onEvent(EntityEvent<OrderView> event) {
		}

		@SuppressWarnings("rawtypes")
		void onRawEvent(EntityEvent event) {
		}

		void onOrder(OrderView order) {
		}

		void onMap(Map<String, Object> data) {
		}

		void onFrame(String channel, Action action, Map<String, Object> data) {
		}

		void onFrameWithActionName(String channel, String action, Map<String, Object> data) {
		}

		void sum(int a, int b) {
		}

		void none() {
		}

		void onText(String text) {
		}

		void onNumber(long number) {
		}

		void onAction(Action action) {
		}

	}

}
