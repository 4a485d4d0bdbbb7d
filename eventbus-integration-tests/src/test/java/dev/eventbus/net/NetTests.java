package dev.eventbus.net;

import java.time.Duration;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.failure.Deliveries;
import dev.eventbus.net.NetApplication.Received;

import static org.awaitility.Awaitility.await;

/**
 * What the tests of {@link NetApplication} share: the beans they use, waiting for the events of
 * an entity at the listener, and reading its outbox rows.
 */
abstract class NetTests {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	Deliveries<Received> received;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Waits until the listener of a channel has received at least a number of events of an entity.
	 * @param channel the channel
	 * @param entityId the entity id
	 * @param count how many events
	 * @return the events of the entity received so far, in arrival order
	 */
	List<Received> awaitEvents(String channel, Object entityId, int count) {
		await().atMost(TIMEOUT).until(() -> NetApplication.of(this.received, channel, entityId).size() >= count);
		return NetApplication.of(this.received, channel, entityId);
	}

	/**
	 * The actions of the outbox rows of an entity, in outbox order.
	 * @param entityId the entity id
	 * @return the actions
	 */
	List<String> outboxActions(Object entityId) {
		return this.jdbc.queryForList("select action from eventbus_outbox where entity_id = ? order by id",
				String.class, String.valueOf(entityId));
	}

}
