package dev.eventbus.provision;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.eventbus.Action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Issue 9, item 3: one start-up step provisions or checks the published channels' topics and the
 * listeners' queues, reports everything missing at once, and runs once.
 */
class SnsSqsProvisionerTests {

	private final FakeSns sns = new FakeSns();

	private final AtomicInteger listenerQueries = new AtomicInteger();

	private SnsSqsProvisioner provisioner(ProvisionMode mode, boolean registrar, List<String> published,
			List<QueueRequest> listeners) {
		NamingStrategy naming = new DefaultNamingStrategy("shop-", "shop", false);
		CachingTopicResolver topics = new CachingTopicResolver(new TopicProvisioner(this.sns, mode, false), naming);
		ProvisionSettings settings = new ProvisionSettings(mode, false, 5, java.time.Duration.ofSeconds(30),
				java.time.Duration.ofDays(14), false, java.time.Duration.ofDays(14));
		return new SnsSqsProvisioner(topics, new QueueProvisioner(new FakeSqs(), this.sns, topics, naming, settings),
				mode, () -> published, () -> {
					this.listenerQueries.incrementAndGet();
					return listeners;
				}, () -> registrar);
	}

	@Test
	void validateModeReportsEveryMissingTopicQueueAndDeadLetterQueueInOneFailure() {
		SnsSqsProvisioner provisioner = provisioner(ProvisionMode.VALIDATE, true, List.of("Memo", "Order"),
				List.of(new QueueRequest("memoListener", "Memo", Set.of()),
						new QueueRequest("auditListener", "Audit", Set.of(Action.DELETED.wireName()))));
		assertThatExceptionOfType(MissingResourcesException.class).isThrownBy(provisioner::provision)
			.satisfies((ex) -> assertThat(ex.getMode()).isEqualTo(ProvisionMode.VALIDATE))
			.satisfies((ex) -> assertThat(ex.getMissing()).containsExactly("SNS topic 'shop-Memo' of channel 'Memo'",
					"SNS topic 'shop-Order' of channel 'Order'", "SQS queue 'shop-memoListener'",
					"SQS dead-letter queue 'shop-memoListener-dlq'", "SNS topic 'shop-Audit' of channel 'Audit'",
					"SQS queue 'shop-auditListener'", "SQS dead-letter queue 'shop-auditListener-dlq'"));
	}

	@Test
	void noneModeChecksThePublishedChannelsTopicsWhereListenersRunAlsoWithoutListenerMethods() {
		SnsSqsProvisioner provisioner = provisioner(ProvisionMode.NONE, true, List.of("Invoice"), List.of());
		assertThatExceptionOfType(MissingResourcesException.class).isThrownBy(provisioner::provision)
			.satisfies((ex) -> assertThat(ex.getMode()).isEqualTo(ProvisionMode.NONE))
			.satisfies((ex) -> assertThat(ex.getMissing()).containsExactly("SNS topic 'shop-Invoice' of channel 'Invoice'"));
	}

	@Test
	void noneModeWithListenersDisabledLooksNoPublishedTopicUpAtStartUp() {
		SnsSqsProvisioner provisioner = provisioner(ProvisionMode.NONE, false, List.of("Invoice"), List.of());
		provisioner.afterSingletonsInstantiated();
		assertThat(this.listenerQueries).as("the step ran").hasValue(1);
		assertThat(this.sns.listCalls).hasValue(0);
	}

	@Test
	void runsOnceWhenTheRegistrarRunsItAndAsksForTheQueues() {
		this.sns.with("shop-Memo");
		SnsSqsProvisioner provisioner = provisioner(ProvisionMode.NONE, true, List.of("Memo"),
				List.of(new QueueRequest("memoListener", "Memo", Set.of())));
		provisioner.afterSingletonsInstantiated();
		assertThat(this.listenerQueries).as("left to the registrar").hasValue(0);
		provisioner.provision();
		assertThat(provisioner.queue("memoListener")).isEqualTo(new ListenerQueue("shop-memoListener",
				FakeSns.arn("shop-Memo"), "shop-memoListener-dlq"));
		assertThat(this.listenerQueries).hasValue(1);
		assertThat(this.sns.listCalls).hasValue(1);
	}

	@Test
	void aListenerThatAskedForNoQueueGetsNone() {
		SnsSqsProvisioner provisioner = provisioner(ProvisionMode.NONE, true, List.of(), List.of());
		assertThatIllegalStateException().isThrownBy(() -> provisioner.queue("unknown"))
			.withMessageContaining("'unknown'");
	}

}
