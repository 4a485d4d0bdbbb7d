package dev.eventbus.outcome;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.Listener;
import dev.eventbus.OutcomeFailure;
import dev.eventbus.failure.Deliveries;

/**
 * Listeners of the outcome events: every action in the FRAME style, and the failures bound to
 * {@link OutcomeFailure}.
 */
@Component
public class ParcelListeners {

	private final Deliveries<Received> received;

	public ParcelListeners(Deliveries<Received> received) {
		this.received = received;
	}

	@Listener(value = ParcelService.CHANNEL, customActions = { "shipped", "shipping-failed", "weighed",
			"weighing-failed", "delivered", "delivery-delayed" })
	void frame(String channel, String action, Map<String, Object> data) {
		this.received.add(new Received("frame", action, data));
	}

	@Listener(value = ParcelService.CHANNEL, customActions = { "shipping-failed", "weighing-failed" })
	void failures(OutcomeFailure failure) {
		this.received.add(new Received("failures", "", failure));
	}

}
