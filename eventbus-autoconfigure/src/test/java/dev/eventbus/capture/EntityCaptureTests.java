package dev.eventbus.capture;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.EventTooLargeException;
import dev.eventbus.capture.CaptureApplication.Customer;
import dev.eventbus.capture.CaptureApplication.Invoice;
import dev.eventbus.capture.CaptureApplication.Money;
import dev.eventbus.capture.CaptureApplication.Note;
import dev.eventbus.capture.CaptureApplication.Plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the capture writes to the outbox, on H2, with the relay and the AWS side switched off.
 */
@SpringBootTest(classes = CaptureApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:capture;DB_CLOSE_DELAY=-1", "spring.application.name=capture",
				"eventbus.publish.topic-prefix=capture-", "eventbus.outbox.relay-enabled=false", "eventbus.provision.mode=none",
				"eventbus.consume.enabled=false", "spring.cloud.aws.region.static=us-east-1",
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test" })
class EntityCaptureTests {

	private static final JsonMapper JSON = new JsonMapper();

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void clearOutbox() {
		this.jdbc.update("delete from eventbus_outbox");
	}

	@Test
	void insertWritesOneEventWithThePayloadRules() {
		Long id = this.tx.execute((status) -> {
			Customer customer = new Customer();
			customer.id = 7L;
			customer.name = "Ada";
			this.entityManager.persist(customer);
			Invoice invoice = new Invoice();
			invoice.status = "OPEN";
			invoice.total = new Money(new BigDecimal("12.50"), "EUR");
			invoice.customer = customer;
			invoice.lines.add("one");
			invoice.iban = "DE00 SECRET";
			this.entityManager.persist(invoice);
			return invoice.id;
		});
		Map<String, Object> event = onlyEvent();
		assertThat(event).containsEntry("channel", "Invoice")
			.containsEntry("action", "created")
			.containsEntry("entityType", "Invoice")
			.containsEntry("entityId", String.valueOf(id))
			.containsEntry("publisher", "capture")
			.containsEntry("version", 1)
			.containsEntry("entityVersion", 0)
			.containsKeys("eventId", "occurredAt")
			.doesNotContainKey("changes");
		@SuppressWarnings("unchecked")
		Map<String, Object> payload = (Map<String, Object>) event.get("payload");
		assertThat(payload).containsEntry("id", id.intValue())
			.containsEntry("status", "OPEN")
			.containsEntry("total", Map.of("amount", 12.5, "currency", "EUR"))
			.containsEntry("customer", 7)
			.doesNotContainKeys("lines", "iban");
		assertThat(this.jdbc.queryForObject("select body from eventbus_outbox", String.class)).doesNotContain("SECRET");
	}

	@Test
	void eachEventRecordsTheTopicOfItsChannelAndItsPublisherBesideTheBody() {
		saveInvoice("OPEN");
		Map<String, Object> row = this.jdbc.queryForMap("select topic, publisher, body from eventbus_outbox");
		assertThat(row).containsEntry("topic", "capture-Invoice").containsEntry("publisher", "capture");
		assertThat(JSON.readValue((String) row.get("body"), Map.class)).containsEntry("publisher", "capture");
	}

	@Test
	void updateCarriesExactlyTheChangedAttributesWithOldAndNewValuesAndExplicitNulls() {
		Long id = saveInvoice("OPEN");
		this.jdbc.update("delete from eventbus_outbox");
		this.tx.executeWithoutResult((status) -> {
			Invoice invoice = this.entityManager.find(Invoice.class, id);
			invoice.status = null;
			invoice.notes = "late";
		});
		Map<String, Object> event = onlyEvent();
		assertThat(event).containsEntry("action", "updated").containsEntry("entityVersion", 1);
		assertThat(event.get("changes")).isEqualTo(Map.of("status", mapOf("old", "OPEN", "new", null), "notes",
				mapOf("old", null, "new", "late")));
	}

	@Test
	void toOneAssociationIsWrittenAsItsIdWithoutLoadingIt() {
		Long id = this.tx.execute((status) -> {
			Customer customer = new Customer();
			customer.id = 8L;
			customer.name = "Grace";
			this.entityManager.persist(customer);
			Invoice invoice = new Invoice();
			invoice.status = "OPEN";
			invoice.customer = customer;
			this.entityManager.persist(invoice);
			return invoice.id;
		});
		this.jdbc.update("delete from eventbus_outbox");
		Boolean initialized = this.tx.execute((status) -> {
			Invoice invoice = this.entityManager.find(Invoice.class, id);
			invoice.status = "PAID";
			this.entityManager.flush();
			return org.hibernate.Hibernate.isInitialized(invoice.customer);
		});
		assertThat(initialized).isFalse();
		assertThat(onlyEvent().get("payload")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("customer", 8);
	}

	@Test
	void updateOfOnlyExcludedOrCollectionAttributesPublishesNothing() {
		Long id = saveInvoice("OPEN");
		this.jdbc.update("delete from eventbus_outbox");
		this.tx.executeWithoutResult((status) -> {
			Invoice invoice = this.entityManager.find(Invoice.class, id);
			invoice.iban = "changed";
			invoice.lines.add("two");
		});
		assertThat(events()).isEmpty();
	}

	@Test
	void deleteCarriesTheLastState() {
		Long id = saveInvoice("PAID");
		this.jdbc.update("delete from eventbus_outbox");
		this.tx.executeWithoutResult((status) -> this.entityManager.remove(this.entityManager.find(Invoice.class, id)));
		Map<String, Object> event = onlyEvent();
		assertThat(event).containsEntry("action", "deleted");
		assertThat(event.get("payload")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("status", "PAID");
	}

	@Test
	void narrowedActionsAndCustomChannelApply() {
		Long id = this.tx.execute((status) -> {
			Note note = new Note();
			note.text = "hello";
			this.entityManager.persist(note);
			return note.id;
		});
		this.tx.executeWithoutResult((status) -> this.entityManager.find(Note.class, id).text = "changed");
		assertThat(events()).isEmpty();
		this.tx.executeWithoutResult((status) -> this.entityManager.remove(this.entityManager.find(Note.class, id)));
		assertThat(onlyEvent()).containsEntry("channel", "Notes").containsEntry("action", "deleted");
	}

	@Test
	void entitiesWithoutPublishEventsAreNotCaptured() {
		this.tx.executeWithoutResult((status) -> {
			Plain plain = new Plain();
			plain.text = "quiet";
			this.entityManager.persist(plain);
		});
		assertThat(events()).isEmpty();
	}

	@Test
	void rolledBackTransactionLeavesNoEvent() {
		this.tx.executeWithoutResult((status) -> {
			Invoice invoice = new Invoice();
			invoice.status = "OPEN";
			this.entityManager.persist(invoice);
			this.entityManager.flush();
			status.setRollbackOnly();
		});
		assertThat(events()).isEmpty();
	}

	@Test
	void severalFlushesOfOneEntityInOneTransactionWriteItsNetEvent() {
		this.tx.executeWithoutResult((status) -> {
			Invoice invoice = new Invoice();
			invoice.status = "S0";
			this.entityManager.persist(invoice);
			for (int i = 1; i < 5; i++) {
				this.entityManager.flush();
				invoice.status = "S" + i;
			}
		});
		Map<String, Object> event = onlyEvent();
		assertThat(event).containsEntry("action", "created").containsEntry("entityVersion", 4);
		assertThat(event.get("payload")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("status", "S4");
	}

	@Test
	void anInsertOfAnEntityThatDoesNotPublishCreatedStaysAnInsertWhenUpdatedInTheSameTransaction() {
		this.tx.executeWithoutResult((status) -> {
			Note note = new Note();
			note.text = "draft";
			this.entityManager.persist(note);
			this.entityManager.flush();
			note.text = "final";
		});
		assertThat(events()).isEmpty();
	}

	@Test
	void eventsOfDifferentEntitiesOfOneTransactionAreWrittenInTheOrderOfTheirFirstChange() {
		this.tx.executeWithoutResult((status) -> {
			Invoice first = new Invoice();
			first.status = "A0";
			this.entityManager.persist(first);
			this.entityManager.flush();
			Invoice second = new Invoice();
			second.status = "B0";
			this.entityManager.persist(second);
			this.entityManager.flush();
			first.status = "A1";
		});
		List<String> statuses = events().stream()
			.map((event) -> (String) ((Map<?, ?>) event.get("payload")).get("status"))
			.toList();
		assertThat(statuses).containsExactly("A1", "B0");
	}

	@Test
	void eventLargerThanSnsAllowsFailsTheTransaction() {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.tx.executeWithoutResult((status) -> {
			Invoice invoice = new Invoice();
			invoice.status = "BIG";
			invoice.notes = "x".repeat(300_000);
			this.entityManager.persist(invoice);
		})).satisfies((ex) -> assertThat(causes(ex)).anyMatch(EventTooLargeException.class::isInstance));
		assertThat(events()).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from cap_invoices where status = 'BIG'", Long.class))
			.isZero();
	}

	private Long saveInvoice(String status) {
		return this.tx.execute((tx) -> {
			Invoice invoice = new Invoice();
			invoice.status = status;
			this.entityManager.persist(invoice);
			return invoice.id;
		});
	}

	private Map<String, Object> onlyEvent() {
		List<Map<String, Object>> events = events();
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> events() {
		return this.jdbc.queryForList("select body from eventbus_outbox order by id", String.class)
			.stream()
			.map((body) -> (Map<String, Object>) JSON.readValue(body, Map.class))
			.toList();
	}

	private static List<Throwable> causes(Throwable t) {
		List<Throwable> causes = new java.util.ArrayList<>();
		for (Throwable c = t; c != null && !causes.contains(c); c = c.getCause()) {
			causes.add(c);
		}
		return causes;
	}

	private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		map.put(k1, v1);
		map.put(k2, v2);
		return map;
	}

}
