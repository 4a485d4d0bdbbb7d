package dev.eventbus.failure.crash;

import java.time.Duration;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.persistence.EntityManager;

/**
 * The process that is killed: runs {@link CrashApp} with the given command-line properties and
 * saves entries for ever, each in its own transaction (ids 1, 2, 3, ...). Every
 * {@value #ROLLBACK_EVERY}th transaction is rolled back on purpose after its insert was flushed;
 * it uses the id {@value #ROLLED_BACK_IDS} + n, so no such id may ever show up anywhere. Stops by
 * itself after {@value #MAX_SECONDS} s in case nobody kills it. With its relay on, it can stall the relay
 * between publishing a batch and marking it published ({@link StallingRelayConfiguration}).
 */
public final class CrashFixture {

	/** Ids of the entries whose transactions are rolled back start here. */
	public static final long ROLLED_BACK_IDS = 1_000_000_000L;

	static final int ROLLBACK_EVERY = 7;

	static final int MAX_SECONDS = 90;

	private CrashFixture() {
	}

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CrashApp.class)
			.sources(StallingRelayConfiguration.class)
			.run(args);
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		EntityManager entityManager = context.getBean(EntityManager.class);
		System.out.println("CRASH-FIXTURE READY");
		long deadline = System.nanoTime() + Duration.ofSeconds(MAX_SECONDS).toNanos();
		for (long n = 1; System.nanoTime() < deadline; n++) {
			long id = n;
			if (n % ROLLBACK_EVERY == 0) {
				tx.executeWithoutResult((status) -> {
					entityManager.persist(new Entry(ROLLED_BACK_IDS + id, "rolled back"));
					entityManager.flush();
					status.setRollbackOnly();
				});
			}
			tx.executeWithoutResult((status) -> {
				entityManager.persist(new Entry(id, "entry " + id));
				entityManager.flush();
				// the insert is in the database, the outbox row is written at commit: a kill here leaves neither
				sleep(2);
			});
		}
		System.out.println("CRASH-FIXTURE NOT KILLED");
		context.close();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
