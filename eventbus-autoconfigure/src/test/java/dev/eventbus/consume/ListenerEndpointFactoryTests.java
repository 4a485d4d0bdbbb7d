package dev.eventbus.consume;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.eventbus.Action;
import dev.eventbus.Listener;
import dev.eventbus.message.EventMessageCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: the actions of a listener endpoint, entity and custom ones, and which actions it knows.
 */
class ListenerEndpointFactoryTests {

	private final ListenerEndpointFactory factory = new ListenerEndpointFactory(new EventMessageCodec(),
			new ListenerEndpointFactory.Defaults(10, false,
					new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), List.of())),
			false);

	@Test
	void customActionsFollowTheEntityActionsInDeclarationOrderWithPlaceholdersResolved() {
		ListenerEndpoint endpoint = endpoint("frame");
		assertThat(endpoint.actions()).containsExactly("created", "deleted", "shipped", "returned");
		assertThat(endpoint.knows("shipped")).isTrue();
		assertThat(endpoint.knows("returned")).isTrue();
		assertThat(endpoint.knows("updated")).as("an entity action it does not name is known").isTrue();
		assertThat(endpoint.knows("issued")).isFalse();
	}

	@Test
	void listenerThatNamesNoActionKnowsTheEntityActionsOnly() {
		ListenerEndpoint endpoint = endpoint("all");
		assertThat(endpoint.actions()).isEmpty();
		assertThat(endpoint.knows("created")).isTrue();
		assertThat(endpoint.knows("shipped")).isFalse();
	}

	@Test
	void listenerThatNamesOnlyACustomActionTakesOnlyThat() {
		assertThat(endpoint("shippedOnly").actions()).containsExactly("shipped");
	}

	private ListenerEndpoint endpoint(String name) {
		Method method = List.of(Listeners.class.getDeclaredMethods())
			.stream()
			.filter((m) -> m.getName().equals(name))
			.findFirst()
			.orElseThrow();
		Map<String, String> placeholders = Map.of("${returned}", "returned");
		return this.factory.create(new Listeners(), "listeners", method, method.getAnnotation(Listener.class),
				(text) -> placeholders.getOrDefault(text, text));
	}

	static class Listeners {

		@Listener(value = "Order", actions = { Action.DELETED, Action.CREATED },
				customActions = { "shipped", "${returned}" })
		void frame(String channel, String action, Map<String, Object> data) {
		}

		@Listener("Order")
		void all(Map<String, Object> order) {
		}

		@Listener(value = "Order", customActions = "shipped")
		void shippedOnly(Map<String, Object> order) {
		}

	}

}
