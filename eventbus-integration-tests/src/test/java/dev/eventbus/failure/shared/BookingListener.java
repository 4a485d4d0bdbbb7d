package dev.eventbus.failure.shared;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Delivery;

/** Records every booking event this application's listener receives. */
@Component
public class BookingListener {

	private final Deliveries<Delivery> received = new Deliveries<>();

	@Listener("Booking")
	void on(EntityEvent<Map<String, Object>> event) {
		this.received.add(Delivery.of(event));
	}

	public List<Delivery> received() {
		return this.received.all();
	}

}
