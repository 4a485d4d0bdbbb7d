package dev.eventbus.it;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.Action;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.it.OrderListeners.Call;
import dev.eventbus.test.EnableFauxqs;
import dev.eventbus.test.Topics;
import jakarta.persistence.EntityManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code eventbus.consume.raw-delivery=true} the subscriptions use SNS raw message delivery
 * and listeners take the bare envelope.
 */
@EnableFauxqs
@SpringBootTest(classes = ItApplication.class, properties = { "spring.application.name=it-raw",
		"eventbus.publish.topic-prefix=it-raw-", "eventbus.consume.raw-delivery=true" })
@DirtiesContext
class RawDeliveryIntegrationTests {

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EntityManager entityManager;

	@Autowired
	Deliveries<Call> received;

	@Autowired
	SnsClient sns;

	@Test
	void subscriptionsUseRawDeliveryAndListenersReceiveTheEvents() {
		UUID id = UUID.randomUUID();
		this.tx.executeWithoutResult(
				(status) -> this.entityManager.persist(new PurchaseOrder(id, "NEW", new BigDecimal("3.00"))));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.received.matching(Call.of("envelope", id.toString())).isEmpty());
		assertThat(this.received.matching(Call.of("envelope", id.toString())).get(0).action())
			.isEqualTo(Action.CREATED);
		String topicArn = Topics.arn(this.sns, "it-raw-ItOrder");
		for (Subscription subscription : this.sns.listSubscriptionsByTopic((r) -> r.topicArn(topicArn))
			.subscriptions()) {
			assertThat(this.sns.getSubscriptionAttributes((r) -> r.subscriptionArn(subscription.subscriptionArn()))
				.attributes()).containsEntry("RawMessageDelivery", "true");
		}
	}

}
