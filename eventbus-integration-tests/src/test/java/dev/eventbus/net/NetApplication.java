package dev.eventbus.net;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.PayloadMapper;
import dev.eventbus.failure.Deliveries;

/**
 * The application of the issue 11 capture tests: {@link Ticket} publishes its state, {@link Badge}
 * through a {@link PayloadMapper}, {@link Tally} publishes nothing; one listener per channel
 * records every event it receives.
 */
@SpringBootApplication
public class NetApplication {

	/** The keys of every state the badge mapper was given. */
	static final Set<String> MAPPER_SAW = ConcurrentHashMap.newKeySet();

	@Bean
	Deliveries<Received> received() {
		return new Deliveries<>();
	}

	/** Publishes the badge's holder, its amount in cents and a derived flag; never its note. */
	@Bean
	PayloadMapper badgePayload() {
		return PayloadMapper.of("NetBadge", (entityType, state) -> {
			MAPPER_SAW.addAll(state.keySet());
			Map<String, @Nullable Object> payload = new java.util.LinkedHashMap<>();
			payload.put("id", state.get("id"));
			payload.put("type", entityType);
			payload.put("holder", state.get("holder"));
			BigDecimal amount = (BigDecimal) state.get("amount");
			payload.put("amountCents", (amount != null) ? amount.movePointRight(2).longValueExact() : null);
			payload.put("vip", amount != null && amount.compareTo(new BigDecimal("100")) >= 0);
			return payload;
		});
	}

	/**
	 * One event as a listener received it.
	 *
	 * @param channel the channel
	 * @param event the event
	 */
	public record Received(String channel, EntityEvent<Map<String, Object>> event) {

		static Predicate<Received> of(String channel, Object entityId) {
			return (received) -> received.channel.equals(channel)
					&& String.valueOf(entityId).equals(received.event.entityId());
		}

		Action action() {
			return this.event.action();
		}

		Map<String, Object> payload() {
			return this.event.payload();
		}

	}

	@Component
	static class NetListeners {

		private final Deliveries<Received> received;

		NetListeners(Deliveries<Received> received) {
			this.received = received;
		}

		@Listener(value = "NetTicket", concurrency = 1)
		void ticket(EntityEvent<Map<String, Object>> event) {
			this.received.add(new Received("NetTicket", event));
		}

		@Listener(value = "NetBadge", concurrency = 1)
		void badge(EntityEvent<Map<String, Object>> event) {
			this.received.add(new Received("NetBadge", event));
		}

	}

	/** Received events of one entity, in arrival order. */
	static List<Received> of(Deliveries<Received> received, String channel, Object entityId) {
		return received.matching(Received.of(channel, entityId));
	}

}
