package dev.eventbus.recorder;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/**
 * A small shop for the recorder and scenario tests: an order entity whose events three
 * listeners handle, one of which writes an invoice (a state change a scenario waits for) and
 * one of which fails the first delivery of a "FLAKY" order.
 */
@SpringBootApplication
public class RecorderApplication {

	/** What listeners read of an order. */
	public record OrderView(UUID id, String status, java.math.BigDecimal total) {
	}

	@Component
	static class ShopListeners {

		private final Invoices invoices;

		private final Set<UUID> failedOnce = ConcurrentHashMap.newKeySet();

		ShopListeners(Invoices invoices) {
			this.invoices = invoices;
		}

		@Listener(value = "ShopOrder", id = "invoicing", actions = Action.CREATED)
		void invoice(OrderView order) {
			this.invoices.save(new ShopInvoice(UUID.randomUUID(), order.id(), order.total()));
		}

		@Listener(value = "ShopOrder", id = "audit")
		void audit(EntityEvent<Map<String, Object>> event) {
			// recorded by the recorder; nothing else to do
		}

		@Listener(value = "ShopOrder", id = "flaky", retryInitialDelay = "1s", retryMultiplier = "1")
		void flaky(OrderView order) {
			if ("FLAKY".equals(order.status()) && this.failedOnce.add(order.id())) {
				throw new IllegalStateException("failing the first delivery on purpose");
			}
		}

	}

}
