package dev.eventbus.eventlog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.EventLog;
import dev.eventbus.EventLogPosition;
import dev.eventbus.LoggedEvent;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.EnableFauxqs;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, item 7, the event log on the real path (JPA commit, outbox, relay to SNS, SQS,
 * listener; PostgreSQL and the emulator): the history of an entity in commit order, a worker
 * reading a channel in pages from a stored position while events are committed between its
 * pages, and a page that does not pass an event whose transaction commits after one with a higher
 * outbox id. The settle time is the default (5 s).
 */
@EnableFauxqs
@SpringBootTest(classes = EventLogApplication.class,
		properties = { "spring.application.name=it-eventlog", "eventbus.publish.topic-prefix=it-eventlog-" })
@DirtiesContext
class EventLogIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	@Autowired
	EventLog log;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventLogApplication.AccountListener listener;

	@DynamicPropertySource
	static void schema(DynamicPropertyRegistry registry) {
		String url = TestSchema.fresh("it_eventlog");
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void theHistoryOfAnEntityIsInCommitOrderAcrossTransactions() {
		this.tx.executeWithoutResult((status) -> {
			this.entityManager.persist(new Account(1001L, "ada", 10));
			this.entityManager.persist(new Account(1002L, "bob", 5));
		});
		setBalance(1001L, 20);
		setBalance(1002L, 6);
		setBalance(1001L, 30);
		this.tx.executeWithoutResult((status) -> this.entityManager.remove(this.entityManager.find(Account.class, 1001L)));

		await().atMost(TIMEOUT).until(() -> this.log.history("Account", 1001L, AccountView.class).size() == 4);
		List<LoggedEvent<AccountView>> history = this.log.history("Account", 1001L, AccountView.class);
		assertThat(history).extracting(LoggedEvent::action).containsExactly("created", "updated", "updated", "deleted");
		assertThat(history).extracting((event) -> event.payload().balance()).startsWith(10, 20, 30);
		assertThat(history).allSatisfy((event) -> {
			assertThat(event.channel()).isEqualTo("Account");
			assertThat(event.entityId()).isEqualTo("1001");
			assertThat(event.payload().owner()).isEqualTo("ada");
			assertThat(event.publishedAt()).isAfterOrEqualTo(event.occurredAt());
		});
		assertThat(history).extracting((event) -> event.position().id()).isSorted().doesNotHaveDuplicates();
		assertThat(history).extracting(LoggedEvent::occurredAt).isSorted();
		List<String> eventIds = history.stream().map(LoggedEvent::eventId).toList();
		// the events of the log are the ones delivered (in this order only in FIFO mode: SQS standard queues may reorder)
		await().atMost(TIMEOUT).until(() -> this.listener.received().containsAll(eventIds));
		assertThat(this.log.history("Account", "1001", Map.class)).as("a text id and a raw payload")
			.extracting((event) -> event.payload().get("balance"))
			.startsWith(10, 20, 30);
		assertThat(this.log.history("Account", 1002L, AccountView.class)).hasSize(2);
		assertThat(this.log.history("Account", 9999L, AccountView.class)).isEmpty();
		assertThat(this.log.history("Unknown", 1001L, AccountView.class)).isEmpty();
	}

	@Test
	void aWorkerReadsAChannelInPagesFromItsStoredPositionWhileEventsAreCommitted() {
		List<Long> first = LongStream.rangeClosed(2001, 2005).boxed().toList();
		List<Long> later = LongStream.rangeClosed(2006, 2008).boxed().toList();
		List<Long> all = LongStream.rangeClosed(2001, 2008).boxed().toList();
		first.forEach(this::create);
		ChannelWorker worker = new ChannelWorker(this.log, "Account", 2);
		await().atMost(TIMEOUT).until(() -> {
			worker.readPage();
			return worker.seenAmong(all).size() >= 2;
		});
		later.forEach(this::create);
		await().atMost(TIMEOUT).until(() -> {
			worker.readPage();
			return worker.seenAmong(all).size() >= all.size();
		});
		assertThat(worker.seenAmong(all)).as("every event once, in commit order").containsExactlyElementsOf(all);
		assertThat(worker.seen()).extracting((event) -> event.position().id()).isSorted().doesNotHaveDuplicates();
		assertThat(worker.pageSizes()).allSatisfy((size) -> assertThat(size).isBetween(0, 2));
		int count = this.log.read("Account", EventLogPosition.START, 1000, AccountView.class).events().size();
		assertThat(count).as("a page from the start returns the settled events, at most the limit")
			.isLessThanOrEqualTo(worker.seen().size());
	}

	@Test
	void aPageDoesNotPassAnEventWhoseTransactionCommitsAfterOneWithAHigherId() throws Exception {
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> late = CompletableFuture.runAsync(() -> this.tx.executeWithoutResult((status) -> {
			this.entityManager.persist(new Account(3001L, "late", 1));
			this.entityManager.flush();
			// runs after the outbox's own callback, which registered at the flush: the row is written, not committed
			this.entityManager.unwrap(SharedSessionContractImplementor.class)
				.getTransactionCompletionCallbacks()
				.registerCallback((BeforeCompletionCallback) (session) -> {
					written.countDown();
					awaitLatch(release);
				});
		}));
		assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
		create(3002L);
		await().atMost(TIMEOUT).until(() -> isPublished(3002L));
		ChannelWorker worker = new ChannelWorker(this.log, "Account", 100);
		worker.readPage();
		assertThat(worker.seenAmong(List.of(3001L, 3002L)))
			.as("the later id, committed and published first, is held back within the settle time")
			.isEmpty();
		release.countDown();
		late.get(30, TimeUnit.SECONDS);
		await().atMost(TIMEOUT).until(() -> {
			worker.readPage();
			return worker.seenAmong(List.of(3001L, 3002L)).size() == 2;
		});
		assertThat(worker.seenAmong(List.of(3001L, 3002L))).containsExactly(3001L, 3002L);
	}

	private boolean isPublished(long account) {
		return this.jdbc.queryForObject(
				"select count(*) from eventbus_outbox where channel = 'Account' and entity_id = ? and published_at is not null",
				Long.class, String.valueOf(account)) == 1;
	}

	private void create(long account) {
		this.tx.executeWithoutResult((status) -> this.entityManager.persist(new Account(account, "owner-" + account, 0)));
	}

	private void setBalance(long account, int balance) {
		this.tx.executeWithoutResult((status) -> this.entityManager.find(Account.class, account).setBalance(balance));
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
