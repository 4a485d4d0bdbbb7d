package dev.eventbus.provision;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.eventbus.Action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DefaultNamingStrategyTests {

	private final DefaultNamingStrategy naming = new DefaultNamingStrategy("shop-", "billing", false);

	@Test
	void topicIsPrefixPlusChannel() {
		assertThat(this.naming.topicName("Order")).isEqualTo("shop-Order");
		assertThat(new DefaultNamingStrategy("shop-", "billing", true).topicName("Order")).isEqualTo("shop-Order.fifo");
	}

	@Test
	void channelThatSnsDoesNotAllowIsRejectedWithTheReason() {
		assertThatExceptionOfType(InvalidResourceNameException.class)
			.isThrownBy(() -> this.naming.topicName("Bad Channel!"))
			.withMessageContaining("'shop-Bad Channel!'")
			.withMessageContaining("A-Z, a-z, 0-9, '-' and '_'");
		assertThatExceptionOfType(InvalidResourceNameException.class)
			.isThrownBy(() -> this.naming.topicName("x".repeat(300)));
	}

	@Test
	void queueIsPrefixAndListenerIdWithDisallowedCharactersReplaced() {
		assertThat(this.naming.queueName("orderListener-onOrder")).isEqualTo("billing-orderListener-onOrder");
		assertThat(this.naming.queueName("app.Listeners$Inner-on")).isEqualTo("billing-app-Listeners-Inner-on");
		assertThat(this.naming.deadLetterQueueName("billing-x")).isEqualTo("billing-x-dlq");
	}

	@Test
	void longQueueNamesStayWithinEightyCharactersIncludingTheDeadLetterSuffixAndStayDistinct() {
		for (boolean fifo : List.of(false, true)) {
			DefaultNamingStrategy strategy = new DefaultNamingStrategy("", "a-rather-long-service-name", fifo);
			String one = strategy.queueName("someVeryLongListenerBeanName-handleTheOrderCreatedEventVariantOne");
			String two = strategy.queueName("someVeryLongListenerBeanName-handleTheOrderCreatedEventVariantTwo");
			assertThat(one).isNotEqualTo(two);
			assertThat(Set.of(one, two, strategy.deadLetterQueueName(one), strategy.deadLetterQueueName(two)))
				.allSatisfy((name) -> assertThat(name.length()).isLessThanOrEqualTo(80));
			assertThat(strategy.queueName("someVeryLongListenerBeanName-handleTheOrderCreatedEventVariantOne"))
				.isEqualTo(one);
			if (fifo) {
				assertThat(one).endsWith(".fifo");
				assertThat(strategy.deadLetterQueueName(one)).endsWith("-dlq.fifo");
			}
		}
	}

	@Test
	void missingQueuePrefixIsAClearError() {
		assertThatExceptionOfType(MissingQueuePrefixException.class)
			.isThrownBy(() -> new DefaultNamingStrategy("", null, false).queueName("x"))
			.withMessageContaining("spring.application.name");
	}

	@Test
	void filterPolicyListsTheNamedActionsOrAllBindableOnesWhenNoneAreNamed() {
		assertThat(PolicyDocuments.filterPolicy(List.of(Action.DELETED.wireName())))
			.isEqualTo("{\"action\":[\"deleted\"]}");
		assertThat(PolicyDocuments.filterPolicy(List.of(Action.UPDATED.wireName(), Action.CREATED.wireName())))
			.isEqualTo("{\"action\":[\"created\",\"updated\"]}");
		assertThat(PolicyDocuments.filterPolicy(List.of()))
			.isEqualTo("{\"action\":[\"created\",\"updated\",\"deleted\"]}");
		assertThat(PolicyDocuments.filterPolicy(List.of("deleted", "created", "updated")))
			.isEqualTo("{\"action\":[\"created\",\"updated\",\"deleted\"]}");
	}

	@Test
	void filterPolicyListsCustomActionsNextToEntityActionsSorted() {
		assertThat(PolicyDocuments.filterPolicy(List.of("shipped"))).isEqualTo("{\"action\":[\"shipped\"]}");
		assertThat(PolicyDocuments.filterPolicy(List.of("payment-failed", "deleted", "issued", "created")))
			.isEqualTo("{\"action\":[\"created\",\"deleted\",\"issued\",\"payment-failed\"]}");
	}

}
