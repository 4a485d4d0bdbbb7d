package dev.eventbus.failure.outage;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Delivery;

/** Records every parcel event it handles, each event once. */
@Component
public class ParcelListener {

	private final Deliveries<Delivery> deliveries = new Deliveries<>();

	// idempotent: a batch that reached SNS but whose response was lost in the outage is published again
	@Listener(value = "Parcel", idempotent = true)
	void parcels(EntityEvent<Map<String, Object>> event) {
		this.deliveries.add(Delivery.of(event));
	}

	public Deliveries<Delivery> deliveries() {
		return this.deliveries;
	}

}
