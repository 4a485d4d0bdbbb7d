package dev.eventbus.net;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.eventbus.Action;
import dev.eventbus.BulkMutationException;
import dev.eventbus.EntityEvent;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.net.NetApplication.Received;
import dev.eventbus.test.EnableFauxqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 11 item 6: JPQL and Criteria bulk statements on a {@code @PublishEvents} entity fail
 * before they change anything, naming the entity and the way out; on other entities they run.
 * On PostgreSQL and the fauxqs emulator.
 */
@EnableFauxqs
@SpringBootTest(classes = NetApplication.class,
		properties = { "spring.application.name=net-bulk", "eventbus.publish.topic-prefix=net-bulk-" })
@DirtiesContext
class BulkMutationIntegrationTests extends NetTests {

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("net_bulk");
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void jpqlBulkUpdateIsRefusedWithTheEntityAndTheWayOutEveryTimeAndChangesNothing() {
		UUID id = create("NEW");
		for (int attempt = 1; attempt <= 2; attempt++) {
			assertThatExceptionOfType(BulkMutationException.class)
				.isThrownBy(() -> this.tx.executeWithoutResult((status) -> this.entityManager
					.createQuery("update Ticket t set t.status = 'BULK' where t.id = :id")
					.setParameter("id", id)
					.executeUpdate()))
				.withMessageContaining("Bulk update of Ticket refused")
				.withMessageContaining(Ticket.class.getName())
				.withMessageContaining("channel 'NetTicket'")
				.withMessageContaining("change them through the EntityManager")
				.withMessageContaining("publish the events yourself")
				.withMessageContaining("eventbus.publish.allow-bulk-mutations=true")
				.satisfies((ex) -> assertThat(ex.getEntityName()).isEqualTo("Ticket"));
		}
		assertThat(status(id)).isEqualTo("NEW");
		// the change made the way the message says is published, with the status the bulk update did not set
		this.tx.executeWithoutResult((status) -> this.entityManager.find(Ticket.class, id).setStatus("PAID"));
		List<Received> events = awaitEvents("NetTicket", id, 2);
		assertThat(events.get(1).event().changes().get("status")).isEqualTo(new EntityEvent.Change("NEW", "PAID"));
	}

	@Test
	void criteriaBulkDeleteIsRefused() {
		UUID id = create("NEW");
		assertThatExceptionOfType(BulkMutationException.class)
			.isThrownBy(() -> this.tx.executeWithoutResult((status) -> {
				CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
				CriteriaDelete<Ticket> delete = cb.createCriteriaDelete(Ticket.class);
				Root<Ticket> ticket = delete.from(Ticket.class);
				delete.where(cb.equal(ticket.get("id"), id));
				this.entityManager.createQuery(delete).executeUpdate();
			}))
			.withMessageStartingWith("Bulk delete of Ticket refused");
		assertThat(status(id)).isEqualTo("NEW");
	}

	@Test
	void hqlInsertIsRefused() {
		UUID id = UUID.randomUUID();
		assertThatExceptionOfType(BulkMutationException.class)
			.isThrownBy(() -> this.tx.executeWithoutResult((status) -> this.entityManager
				.createQuery("insert into Ticket (id, status, amount, version) values (:id, 'NEW', 1, 0)")
				.setParameter("id", id)
				.executeUpdate()))
			.withMessageStartingWith("Bulk insert of Ticket refused");
		assertThat(this.jdbc.queryForObject("select count(*) from net_tickets where id = ?", Long.class, id)).isZero();
	}

	@Test
	void bulkStatementsOnEntitiesThatPublishNothingRun() {
		long tallyId = System.nanoTime();
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new Tally(tallyId)));
		Integer updated = this.tx.execute((status) -> this.entityManager
			.createQuery("update Tally t set t.hits = t.hits + 1 where t.id = :id")
			.setParameter("id", tallyId)
			.executeUpdate());
		assertThat(updated).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select hits from net_tallies where id = ?", Long.class, tallyId))
			.isEqualTo(1);
		Integer deleted = this.tx.execute((status) -> this.entityManager
			.createQuery("delete from Tally t where t.id = :id")
			.setParameter("id", tallyId)
			.executeUpdate());
		assertThat(deleted).isEqualTo(1);
	}

	@Test
	void bulkStatementsOnAHierarchyOverSeveralTablesAreRefusedWhenASubclassPublishes() {
		long truck = System.nanoTime();
		long car = truck + 1;
		this.tx.executeWithoutResult((status) -> {
			this.entityManager.persist(new Vehicle.Truck(truck, "TRUCK-1", 3));
			this.entityManager.persist(new Vehicle.Car(car, "CAR-1", 5));
		});
		assertThatExceptionOfType(BulkMutationException.class)
			.isThrownBy(() -> this.tx.executeWithoutResult((status) -> this.entityManager
				.createQuery("update Vehicle v set v.plate = 'BULK' where v.id = :id")
				.setParameter("id", truck)
				.executeUpdate()))
			.withMessageStartingWith("Bulk update of Vehicle refused: it would change " + Vehicle.Truck.class.getName()
					+ " (@PublishEvents, channel 'NetTruck')");
		assertThatExceptionOfType(BulkMutationException.class)
			.isThrownBy(() -> this.tx.executeWithoutResult((status) -> this.entityManager
				.createQuery("delete from Truck t where t.axles > 2")
				.executeUpdate()))
			.withMessageStartingWith("Bulk delete of Truck refused");
		assertThat(this.jdbc.queryForObject("select plate from net_vehicles where id = ?", String.class, truck))
			.isEqualTo("TRUCK-1");
		// a subclass that publishes nothing: Hibernate's own multi-table strategy runs it
		Integer cars = this.tx.execute((status) -> this.entityManager
			.createQuery("update Car c set c.plate = 'CAR-2', c.seats = 4 where c.id = :id")
			.setParameter("id", car)
			.executeUpdate());
		assertThat(cars).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select plate from net_vehicles where id = ?", String.class, car))
			.isEqualTo("CAR-2");
		assertThat(this.jdbc.queryForObject("select seats from net_cars where id = ?", Integer.class, car))
			.isEqualTo(4);
	}

	private UUID create(String status) {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult((tx) -> this.entityManager.persist(new Ticket(id, status, BigDecimal.ONE)));
		assertThat(awaitEvents("NetTicket", id, 1).get(0).action()).isEqualTo(Action.CREATED);
		return id;
	}

	private String status(UUID id) {
		return this.jdbc.queryForObject("select status from net_tickets where id = ?", String.class, id);
	}


}
