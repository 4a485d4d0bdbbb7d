package dev.eventbus.fifo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.Queues;
import dev.eventbus.test.Topics;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code eventbus.publish.fifo=true}, the events of one entity are handled in commit order
 * even by concurrent consumers, while different entities are handled in parallel.
 */
@EnableFauxqs
@SpringBootTest(classes = FifoApplication.class,
		properties = { "spring.application.name=it-fifo", "eventbus.publish.topic-prefix=it-fifo-",
				"eventbus.publish.fifo=true" })
@DirtiesContext
class FifoOrderingIntegrationTests {

	private static final int ENTITIES = 50;

	private static final int UPDATES = 20;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	FifoApplication.Steps steps;

	@Autowired
	SnsClient sns;

	@Autowired
	SqsAsyncClient sqs;

	@Test
	void eventsOfEachEntityAreHandledInCommitOrderByEightConcurrentConsumers() {
		List<UUID> ids = new ArrayList<>();
		this.tx.executeWithoutResult((status) -> IntStream.range(0, ENTITIES).forEach((i) -> {
			UUID id = UUID.randomUUID();
			ids.add(id);
			this.entityManager.persist(new FifoApplication.Counter(id));
		}));
		for (int update = 0; update < UPDATES; update++) {
			for (UUID id : ids) {
				this.tx.executeWithoutResult(
						(status) -> this.entityManager.find(FifoApplication.Counter.class, id).next());
			}
		}
		List<Integer> expected = IntStream.rangeClosed(0, UPDATES).boxed().toList();
		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.steps.total() >= ENTITIES * (UPDATES + 1));
		for (UUID id : ids) {
			assertThat(this.steps.of(id)).as("steps of %s", id).isEqualTo(expected);
		}
	}

	@Test
	void topicsAndQueuesAreFifo() {
		assertThat(Topics.arn(this.sns, "it-fifo-Counter.fifo")).endsWith(":it-fifo-Counter.fifo");
		assertThat(Queues.url(this.sqs, "it-fifo-steps.fifo")).isNotEmpty();
		assertThat(Queues.url(this.sqs, "it-fifo-steps-dlq.fifo")).isNotEmpty();
	}

}
