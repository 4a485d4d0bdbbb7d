package dev.eventbus.failure.dbstop.consumer;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Delivery;

/**
 * Two listeners of the same channel that write to the consumer's database: an idempotent one
 * (the inbox row and its own row in one transaction) and a plain one (one auto-committed insert
 * per delivery, so duplicates show).
 */
@Component
public class ShipmentListeners {

	private final JdbcTemplate jdbc;

	private final Deliveries<Delivery> recorded = new Deliveries<>();

	public ShipmentListeners(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Listener(value = "Shipment", idempotent = true)
	void record(EntityEvent<Map<String, Object>> event) {
		this.jdbc.update("insert into fx_dbstop_recorded (event_id, entity_id) values (?, ?)",
				UUID.fromString(event.eventId()), Long.valueOf(String.valueOf(event.entityId())));
		this.recorded.add(Delivery.of(event));
	}

	@Listener("Shipment")
	void count(EntityEvent<Map<String, Object>> event) {
		this.jdbc.update("insert into fx_dbstop_counted (event_id, entity_id) values (?, ?)",
				UUID.fromString(event.eventId()), Long.valueOf(String.valueOf(event.entityId())));
	}

	/** What the idempotent listener ran for (in memory: a run whose transaction failed shows too). */
	public Deliveries<Delivery> recorded() {
		return this.recorded;
	}

}
