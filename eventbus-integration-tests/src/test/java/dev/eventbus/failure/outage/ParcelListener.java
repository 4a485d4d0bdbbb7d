package dev.eventbus.failure.outage;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;

/** Records every parcel event. */
@Component
public class ParcelListener {

	private final Deliveries deliveries = new Deliveries();

	// TODO(issue 3, idempotent consumers): make this @Listener(value = "Parcel", idempotent = true) once the
	// attribute exists, and tighten RelayOutageIntegrationTests to "each event handled exactly once".
	@Listener("Parcel")
	void parcels(EntityEvent<Map<String, Object>> event) {
		this.deliveries.add(event);
	}

	public Deliveries deliveries() {
		return this.deliveries;
	}

}
