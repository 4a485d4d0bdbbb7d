package dev.eventbus.outcome;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eventbus.PublishOutcome;
import jakarta.persistence.EntityManager;

/**
 * Outcome methods in each transaction situation: transactional, not transactional, and
 * transactional with an exception that does not roll back.
 */
@Service
public class ParcelService {

	static final String CHANNEL = "OutParcel";

	private final EntityManager entityManager;

	ParcelService(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Ships a parcel; courier {@code broken} fails after the parcel row was written.
	 */
	@Transactional
	@PublishOutcome(channel = CHANNEL, success = "shipped", failure = "shipping-failed", key = "#id",
			failureArguments = { "id", "courier" })
	public ParcelView ship(UUID id, String courier) {
		this.entityManager.persist(new Parcel(id, "SHIPPED"));
		this.entityManager.flush();
		if (courier.equals("broken")) {
			throw new IllegalStateException("courier " + courier + " is out of service");
		}
		return new ParcelView(id, courier, "SHIPPED");
	}

	/**
	 * Weighs a parcel, with no transaction; a weight below one gram fails.
	 */
	@PublishOutcome(channel = CHANNEL, success = "weighed", failure = "weighing-failed",
			payload = "{id: #id, grams: #result}", key = "#p0", failureArguments = { "id", "grams" })
	public int weigh(UUID id, int grams) {
		if (grams < 1) {
			throw new IllegalArgumentException("a parcel weighs at least 1 g, not " + grams);
		}
		return grams;
	}

	/**
	 * Records a delivery attempt and reports the delay with an exception that commits the attempt.
	 */
	@Transactional(noRollbackFor = ParcelDelayedException.class)
	@PublishOutcome(channel = CHANNEL, success = "delivered", failure = "delivery-delayed", key = "#id",
			failureArguments = "id")
	public void deliver(UUID id) {
		this.entityManager.persist(new Parcel(id, "ATTEMPTED"));
		throw new ParcelDelayedException("nobody at home");
	}

}
