package dev.eventbus.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.sample.shipping.IssuedInvoice;
import dev.eventbus.sample.shipping.ShipmentTracking;
import dev.eventbus.sample.shipping.ShippingListener;
import dev.eventbus.test.EnableFauxqs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample on the real path: H2, the fauxqs emulator, the REST API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.aws.sqs.listener.poll-timeout=1s", "eventbus.publish.topic-prefix=sampletest-",
				"eventbus.consume.queue-prefix=sampletest" })
@AutoConfigureRestTestClient
@EnableFauxqs
class SampleApplicationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	private RestTestClient client;

	@Autowired
	private DemoRunner demo;

	@Autowired
	private ListenerContainers listeners;

	@Autowired
	private SqsAsyncClient sqs;

	@Autowired
	private ShipmentTracking tracking;

	@Autowired
	private ShippingListener shipping;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void demoCancelsTheInvoiceOfItsDeletedOrderAndShipsIt() {
		UUID orderId = this.demo.orderId().orElseThrow();
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(invoiceOf(orderId)).hasValueSatisfying((invoice) -> {
				assertThat(invoice.status()).isEqualTo("CANCELLED");
				assertThat(invoice.amount()).isEqualByComparingTo("42.00");
			});
			assertThat(shipments()).extracting(ShipmentJson::orderId).contains(orderId);
		});
	}

	/**
	 * Issue 11, item 4: shipping a paid order publishes {@code shipped}, and an order no courier
	 * takes publishes {@code shipping-failed} with the order and the exception's message.
	 */
	@Test
	void shippingPublishesItsOutcomeForTheDemoOrderAndAFailureForAnOrderNoCourierTakes() {
		UUID demoOrder = this.demo.orderId().orElseThrow();
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.tracking.state(demoOrder)).contains("shipped to demo"));

		OrderJson heavy = createOrder("brunel", "25000.00");
		this.client.put()
			.uri("/orders/{id}", heavy.id())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "PAID"))
			.exchange()
			.expectStatus()
			.isOk();
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.tracking.state(heavy.id()))
				.contains("failed: no courier takes orders over 10000.00"));
		assertThat(shipments()).extracting(ShipmentJson::orderId).doesNotContain(heavy.id());
	}

	@Test
	void invoiceFollowsAnOrderThroughTheRestApi() {
		OrderJson order = createOrder("grace", "19.99");
		assertThat(order.status()).isEqualTo("NEW");
		awaitInvoice(order.id(), "ISSUED", "19.99");

		OrderJson updated = this.client.put()
			.uri("/orders/{id}", order.id())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("total", new BigDecimal("25.50")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(OrderJson.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated).isNotNull();
		assertThat(updated.total()).isEqualByComparingTo("25.50");
		awaitInvoice(order.id(), "ISSUED", "25.50");

		this.client.delete().uri("/orders/{id}", order.id()).exchange().expectStatus().isNoContent();
		awaitInvoice(order.id(), "CANCELLED", "25.50");
		this.client.get().uri("/orders/{id}", order.id()).exchange().expectStatus().isNotFound();
	}

	/**
	 * Issue 11, shown in the sample: finance publishes the domain event {@code InvoiceIssued} when
	 * it creates an invoice (once, not on later updates), and shipping receives it.
	 */
	@Test
	void financePublishesInvoiceIssuedOnceAndShippingReceivesIt() {
		UUID demoOrder = this.demo.orderId().orElseThrow();
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.shipping.invoice(demoOrder)).isPresent());

		OrderJson order = this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("customer", "hedy", "total", new BigDecimal("7.25"), "cardNumber", "4111111111111111"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(OrderJson.class)
			.returnResult()
			.getResponseBody();
		assertThat(order).isNotNull();
		awaitInvoice(order.id(), "ISSUED", "7.25");
		InvoiceJson invoice = invoiceOf(order.id()).orElseThrow();
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.shipping.invoice(order.id()))
				.contains(new IssuedInvoice(invoice.id(), order.id(), new BigDecimal("7.25"))));

		this.client.put()
			.uri("/orders/{id}", order.id())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("total", new BigDecimal("8.00")))
			.exchange()
			.expectStatus()
			.isOk();
		awaitInvoice(order.id(), "ISSUED", "8.00");
		assertThat(this.jdbc.queryForList("select action from eventbus_outbox where channel = 'Invoice' and entity_id = ?",
				String.class, order.id().toString()))
			.containsExactly("issued");
	}

	@Test
	void orderResponsesAndEventsNeverContainTheCardNumber() {
		String body = this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("customer", "linus", "total", new BigDecimal("5.00"), "cardNumber", "4000000000000002"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("linus").doesNotContain("4000000000000002").doesNotContain("cardNumber");
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(audit()).contains("linus"));
		assertThat(audit()).doesNotContain("4000000000000002").doesNotContain("cardNumber");
	}

	/**
	 * Issue 10, shown in the sample: a message the audit listener cannot read goes to its
	 * dead-letter queue, the eventbus endpoint shows it grouped by reason, health stays UP, and
	 * the Prometheus scrape has every metric the Grafana dashboard in docs/operations queries.
	 */
	@Test
	void operationsShowTheDeadLetterHealthAndEveryMetricOfTheDashboard() throws IOException {
		String listener = "auditListener-onOrder";
		String queue = this.listeners.listener(listener).orElseThrow().queue().queueName();
		String url = this.sqs.getQueueUrl((request) -> request.queueName(queue)).join().queueUrl();
		this.sqs.sendMessage((request) -> request.queueUrl(url).messageBody("not an event")).join();

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get("/actuator/eventbus/dead-letters/" + listener))
			.contains("\"examined\":1", "body is not JSON"));
		assertThat(get("/actuator/health/eventbus")).contains("\"status\":\"UP\"");
		assertThat(get("/actuator/eventbus")).contains(listener, "sampletest-Order");

		Path dashboard = Path.of("../docs/operations/eventbus-dashboard.json");
		Set<String> queried = new TreeSet<>();
		Matcher names = Pattern.compile("eventbus_[a-z_]+").matcher(Files.readString(dashboard));
		while (names.find()) {
			queried.add(names.group());
		}
		assertThat(queried).contains("eventbus_outbox_pending", "eventbus_handle_seconds_count",
				"eventbus_dead_lettered_total");
		await().atMost(TIMEOUT).untilAsserted(() -> {
			String scrape = get("/actuator/prometheus");
			Set<String> scraped = scrape.lines()
				.filter((line) -> line.startsWith("eventbus_"))
				.map((line) -> line.replaceAll("[{ ].*", ""))
				.collect(Collectors.toSet());
			assertThat(scraped).containsAll(queried);
		});
	}

	private String get(String path) {
		String body = this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return (body != null) ? body : "";
	}

	@Test
	void unknownOrderIsNotFound() {
		UUID unknown = UUID.randomUUID();
		this.client.get().uri("/orders/{id}", unknown).exchange().expectStatus().isNotFound();
		this.client.put()
			.uri("/orders/{id}", unknown)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "PAID"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.delete().uri("/orders/{id}", unknown).exchange().expectStatus().isNotFound();
	}

	private OrderJson createOrder(String customer, String total) {
		OrderJson order = this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("customer", customer, "total", new BigDecimal(total), "cardNumber", "4111111111111111"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(OrderJson.class)
			.returnResult()
			.getResponseBody();
		assertThat(order).isNotNull();
		return order;
	}

	private void awaitInvoice(UUID orderId, String status, String amount) {
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(invoiceOf(orderId)).hasValueSatisfying((invoice) -> {
			assertThat(invoice.status()).isEqualTo(status);
			assertThat(invoice.amount()).isEqualByComparingTo(amount);
		}));
	}

	private Optional<InvoiceJson> invoiceOf(UUID orderId) {
		List<InvoiceJson> invoices = this.client.get()
			.uri("/invoices")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<InvoiceJson>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(invoices).isNotNull();
		return invoices.stream().filter((invoice) -> orderId.equals(invoice.orderId())).findFirst();
	}

	private List<ShipmentJson> shipments() {
		List<ShipmentJson> shipments = this.client.get()
			.uri("/shipments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<ShipmentJson>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(shipments).isNotNull();
		return shipments;
	}

	private String audit() {
		String audit = this.client.get()
			.uri("/audit")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return (audit != null) ? audit : "";
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OrderJson(UUID id, String customer, String status, BigDecimal total) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record InvoiceJson(Long id, UUID orderId, BigDecimal amount, String status) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ShipmentJson(UUID orderId, String customer) {
	}

}
