package dev.eventbus.provision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 9, item 3: the transport's topic resolver remembers the ARNs it found and never creates
 * a topic that is not this application's.
 */
class CachingTopicResolverTests {

	private final FakeSns sns = new FakeSns();

	private CachingTopicResolver resolver(ProvisionMode mode) {
		return new CachingTopicResolver(new TopicProvisioner(this.sns, mode, false),
				new DefaultNamingStrategy("shop-", "shop", false));
	}

	@Test
	void looksEachTopicUpOnceAndServesTheSameArnForTheChannelAndItsRecordedName() {
		this.sns.with("shop-Order");
		CachingTopicResolver resolver = resolver(ProvisionMode.VALIDATE);
		assertThat(resolver.topicArn("Order")).isEqualTo(FakeSns.arn("shop-Order"));
		assertThat(resolver.topicArn("Order", "shop-Order")).isEqualTo(FakeSns.arn("shop-Order"));
		assertThat(resolver.topicArn("Order", null)).isEqualTo(FakeSns.arn("shop-Order"));
		assertThat(this.sns.listCalls).hasValue(1);
	}

	@Test
	void createModeCreatesThisApplicationsTopicOnce() {
		CachingTopicResolver resolver = resolver(ProvisionMode.CREATE);
		assertThat(resolver.topicArn("Order", null)).isEqualTo(FakeSns.arn("shop-Order"));
		assertThat(resolver.topicArn("Order")).isEqualTo(FakeSns.arn("shop-Order"));
		assertThat(this.sns.createCalls).hasValue(1);
		assertThat(this.sns.topics).containsOnlyKeys("shop-Order");
	}

	@Test
	void aTopicRecordedByAnotherApplicationIsLookedUpAndNeverCreatedEvenInCreateMode() {
		CachingTopicResolver resolver = resolver(ProvisionMode.CREATE);
		assertThat(resolver.topicArn("Booking", "billing-Booking")).isNull();
		assertThat(this.sns.createCalls).hasValue(0);

		this.sns.with("billing-Booking");
		assertThat(resolver.topicArn("Booking", "billing-Booking")).isEqualTo(FakeSns.arn("billing-Booking"));
		assertThat(resolver.topicArn("Booking", "billing-Booking")).isEqualTo(FakeSns.arn("billing-Booking"));
		assertThat(this.sns.listCalls).as("a missing topic is not remembered, a found one is").hasValue(2);
	}

	@Test
	void thisApplicationsMissingTopicGivesNullToTheTransportAndFailsForProvisioning() {
		CachingTopicResolver resolver = resolver(ProvisionMode.NONE);
		assertThat(resolver.topicArn("Order", "shop-Order")).isNull();
		assertThatExceptionOfType(MissingResourcesException.class).isThrownBy(() -> resolver.topicArn("Order"))
			.satisfies((ex) -> assertThat(ex.getMissing()).containsExactly("SNS topic 'shop-Order' of channel 'Order'"))
			.satisfies((ex) -> assertThat(ex.getMode()).isEqualTo(ProvisionMode.NONE));
	}

}
