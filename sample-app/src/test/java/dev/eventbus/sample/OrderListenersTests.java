package dev.eventbus.sample;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.eventbus.sample.finance.Invoice;
import dev.eventbus.sample.finance.InvoiceRepository;
import dev.eventbus.sample.orders.OrderService;
import dev.eventbus.sample.shipping.ShippingListener;
import dev.eventbus.test.InMemoryEventBus;
import dev.eventbus.test.inmemory.InMemoryDelivery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fast tests of the sample's listeners, the kind to copy: the whole application on H2 with
 * in-memory delivery ({@link InMemoryEventBus}), so each change made through the
 * {@link OrderService} is captured, written to the outbox, relayed after the commit and handled by
 * the real {@code @Listener} methods, with no emulator and no AWS client. The sample's one test on
 * the emulator is {@link SampleApplicationIntegrationTests}.
 */
@SpringBootTest(properties = "sample.demo.enabled=false")
@InMemoryEventBus
class OrderListenersTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private OrderService orders;

	@Autowired
	private InvoiceRepository invoices;

	@Autowired
	private ShippingListener shipping;

	@Autowired
	private InMemoryDelivery delivery;

	@AfterEach
	void noListenerGaveUpOnAnEvent() {
		await().atMost(TIMEOUT).until(() -> this.delivery.inFlight() == 0);
		assertThat(this.delivery.deadLetters()).isEmpty();
	}

	@Test
	void anInvoiceIsIssuedForANewOrderFollowsItsTotalAndIsCancelledWithIt() {
		UUID id = this.orders.create("ada", new BigDecimal("42.00"), "4111111111111111").getId();
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.invoices.findByOrderId(id))
			.hasValueSatisfying((invoice) -> assertThat(invoice.getAmount()).isEqualByComparingTo("42.00")));

		this.orders.update(id, null, new BigDecimal("40.00"));
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.invoices.findByOrderId(id))
			.hasValueSatisfying((invoice) -> assertThat(invoice.getAmount()).isEqualByComparingTo("40.00")));

		this.orders.delete(id);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.invoices.findByOrderId(id)).get()
			.extracting(Invoice::getStatus)
			.isEqualTo(Invoice.CANCELLED));
	}

	@Test
	void aPaidOrderIsReadyToShipAndAnUpdateOfAnUnpaidOneShipsNothing() {
		UUID unpaid = this.orders.create("grace", new BigDecimal("5.00"), null).getId();
		this.orders.update(unpaid, null, new BigDecimal("6.00"));
		UUID paid = this.orders.create("linus", new BigDecimal("7.00"), null).getId();
		this.orders.update(paid, "PAID", null);

		await().atMost(TIMEOUT).until(() -> this.shipping.find(paid).isPresent());
		assertThat(this.shipping.find(paid).get().customer()).isEqualTo("linus");
		// finance has handled the update of the unpaid order (its invoice has the order's version 1), so
		// shipping was sent it too; once nothing is in flight, shipping has handled it: it shipped nothing
		await().atMost(TIMEOUT).until(() -> this.invoices.findByOrderId(unpaid)
			.map((invoice) -> invoice.getOrderVersion() == 1)
			.orElse(false));
		await().atMost(TIMEOUT).until(() -> this.delivery.inFlight() == 0);
		assertThat(this.shipping.find(unpaid)).isEmpty();
	}

}
