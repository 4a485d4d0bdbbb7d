package dev.eventbus.sample;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eventbus.sample.finance.Invoice;
import dev.eventbus.sample.finance.InvoiceRepository;
import dev.eventbus.sample.orders.Order;
import dev.eventbus.sample.orders.OrderService;
import dev.eventbus.sample.shipping.Shipment;
import dev.eventbus.sample.shipping.ShipmentTracking;
import dev.eventbus.sample.shipping.ShippingListener;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Walks one order through its life at start-up and logs what the listeners did: create
 * (invoice issued, and its {@code InvoiceIssued} domain event received by shipping), pay
 * (shipment ready, and its {@code shipped} outcome event tracked), delete (invoice cancelled).
 * Each wait is bounded;
 * a timeout is logged, never fatal. Switch off with {@code sample.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "sample.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoRunner implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoRunner.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final OrderService orders;

	private final InvoiceRepository invoices;

	private final ShippingListener shipping;

	private final Environment environment;

	private final ShipmentTracking tracking;

	private volatile @Nullable UUID orderId;

	public DemoRunner(OrderService orders, InvoiceRepository invoices, ShippingListener shipping,
			Environment environment, ShipmentTracking tracking) {
		this.orders = orders;
		this.invoices = invoices;
		this.shipping = shipping;
		this.environment = environment;
		this.tracking = tracking;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			runDemo();
		}
		catch (RuntimeException ex) {
			logger.warn("demo failed: {}", ex.toString(), ex);
		}
		logTryIt();
	}

	/**
	 * The id of the order the demo created.
	 * @return the order id, empty until the demo has created its order
	 */
	public Optional<UUID> orderId() {
		return Optional.ofNullable(this.orderId);
	}

	private void runDemo() {
		Order order = this.orders.create("demo", new BigDecimal("42.00"), "4111111111111111");
		UUID id = order.getId();
		this.orderId = id;
		logger.info("demo 1/3: created order {} for {} ({}), waiting for its invoice", id, order.getCustomer(),
				order.getTotal());
		await("1/3", "invoice ISSUED", () -> invoiceWithStatus(id, Invoice.ISSUED));
		await("1/3", "InvoiceIssued at shipping",
				() -> this.shipping.invoice(id).map((invoice) -> "shipping received InvoiceIssued " + invoice));

		this.orders.update(id, Order.PAID, null);
		logger.info("demo 2/3: order {} is PAID, waiting for its shipment", id);
		await("2/3", "shipment ready", () -> this.shipping.find(id).map(Shipment::toString));
		await("2/3", "shipped event", () -> this.tracking.state(id).map((state) -> "shipped event: " + state));

		this.orders.delete(id);
		logger.info("demo 3/3: deleted order {}, waiting for its invoice to be cancelled", id);
		await("3/3", "invoice CANCELLED", () -> invoiceWithStatus(id, Invoice.CANCELLED));
		logger.info("demo done");
	}

	private Optional<String> invoiceWithStatus(UUID orderId, String status) {
		return this.invoices.findByOrderId(orderId)
			.filter((invoice) -> status.equals(invoice.getStatus()))
			.map((invoice) -> "invoice " + invoice.getId() + " " + invoice.getStatus() + " " + invoice.getAmount());
	}

	private void await(String step, String what, Supplier<Optional<String>> condition) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<String> result = condition.get();
			if (result.isPresent()) {
				logger.info("demo {}: {}", step, result.get());
				return;
			}
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				logger.warn("demo {}: interrupted while waiting for {}", step, what);
				return;
			}
		}
		logger.warn("demo {}: no {} after {} s; are the listeners running and is SNS/SQS reachable?", step, what,
				TIMEOUT.toSeconds());
	}

	private void logTryIt() {
		String port = this.environment.getProperty("local.server.port");
		if (port == null) {
			return;
		}
		String base = "http://localhost:" + port;
		String json = "-H 'Content-Type: application/json'";
		logger.info("""
				try it:
				  curl -s -X POST {}/orders {} -d '{"customer":"ada","total":42.00,"cardNumber":"4111111111111111"}'
				  curl -s -X PUT {}/orders/<id> {} -d '{"status":"PAID"}'
				  curl -s -X DELETE {}/orders/<id>
				  curl -s {}/orders
				  curl -s {}/invoices
				  curl -s {}/shipments
				  curl -s {}/audit
				operate it (docs/operations.md):
				  curl -s {}/actuator/health/eventbus
				  curl -s {}/actuator/eventbus
				  curl -s {}/actuator/eventbus/topology
				  curl -s {}/actuator/eventbus/dead-letters/auditListener-onOrder
				  curl -s {}/actuator/prometheus | grep '^eventbus_'""", base, json, base, json, base, base, base, base, base,
				base, base, base, base, base);
	}

}
