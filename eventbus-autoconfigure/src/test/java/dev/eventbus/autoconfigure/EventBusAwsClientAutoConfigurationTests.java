package dev.eventbus.autoconfigure;

import java.time.Duration;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsClientCustomizer;
import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.consume.PollTimeoutTooLongException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, item 3: the call timeouts eventbus sets on Spring Cloud AWS's SNS and SQS clients.
 */
class EventBusAwsClientAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AwsAutoConfiguration.class, CredentialsProviderAutoConfiguration.class,
				RegionProviderAutoConfiguration.class, SnsAutoConfiguration.class, SqsAutoConfiguration.class,
				EventBusAwsClientAutoConfiguration.class))
		.withPropertyValues("spring.cloud.aws.region.static=us-east-1", "spring.cloud.aws.credentials.access-key=test",
				"spring.cloud.aws.credentials.secret-key=test", "spring.cloud.aws.endpoint=http://127.0.0.1:9");

	@Test
	void snsCallsTimeOutAfterTenSecondsAndSqsCallsAfterThatPlusTheDefaultPollTimeout() {
		this.runner.run((context) -> {
			assertThat(sns(context.getBean(SnsClient.class)).apiCallTimeout()).contains(Duration.ofSeconds(10));
			assertThat(sns(context.getBean(SnsClient.class)).apiCallAttemptTimeout()).contains(Duration.ofSeconds(5));
			assertThat(sqs(context.getBean(SqsAsyncClient.class)).apiCallTimeout()).contains(Duration.ofSeconds(20));
			assertThat(sqs(context.getBean(SqsAsyncClient.class)).apiCallAttemptTimeout())
				.contains(Duration.ofSeconds(15));
		});
	}

	@Test
	void timeoutsFollowTheirPropertiesAndTheListenerPollTimeout() {
		this.runner
			.withPropertyValues("eventbus.aws.api-call-timeout=3s", "eventbus.aws.api-call-attempt-timeout=1s",
					"spring.cloud.aws.sqs.listener.poll-timeout=2s")
			.run((context) -> {
				assertThat(sns(context.getBean(SnsClient.class)).apiCallTimeout()).contains(Duration.ofSeconds(3));
				assertThat(sns(context.getBean(SnsClient.class)).apiCallAttemptTimeout())
					.contains(Duration.ofSeconds(1));
				assertThat(sqs(context.getBean(SqsAsyncClient.class)).apiCallTimeout()).contains(Duration.ofSeconds(5));
				assertThat(sqs(context.getBean(SqsAsyncClient.class)).apiCallAttemptTimeout())
					.contains(Duration.ofSeconds(3));
			});
	}

	@Test
	void aTimeoutSetByTheApplicationsOwnCustomizerIsKept() {
		this.runner.withUserConfiguration(OwnTimeout.class).run((context) -> {
			assertThat(sns(context.getBean(SnsClient.class)).apiCallTimeout()).contains(Duration.ofMinutes(1));
			assertThat(sns(context.getBean(SnsClient.class)).apiCallAttemptTimeout()).contains(Duration.ofSeconds(5));
		});
	}

	@Test
	void noTimeoutsWhenEventbusIsDisabled() {
		this.runner.withPropertyValues("eventbus.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SnsClientCustomizer.class);
			assertThat(sns(context.getBean(SnsClient.class)).apiCallTimeout()).isEmpty();
		});
	}

	@Test
	void aPollTimeoutTheSqsCallTimeoutWouldCutShortFailsStartUpNamingTheProperties() {
		withListener().withUserConfiguration(ShortSqsTimeout.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(PollTimeoutTooLongException.class);
			FailureAnalysis analysis = new PollTimeoutFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("PT10S").contains("PT5S");
			assertThat(analysis.getAction()).contains("eventbus.aws.api-call-attempt-timeout")
				.contains("spring.cloud.aws.sqs.listener.poll-timeout");
		});
	}

	private ApplicationContextRunner withListener() {
		return this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
					EventBusNamingAutoConfiguration.class, EventBusOutboxAutoConfiguration.class,
					EventBusTransportAutoConfiguration.class, EventBusRelayAutoConfiguration.class,
				EventBusListenerAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:timeouts-${random.uuid}",
					"spring.application.name=timeouts", "eventbus.provision.mode=none")
			.withUserConfiguration(EventBusAutoConfigurationTests.GoodListenerConfiguration.class);
	}

	private static ClientOverrideConfiguration sns(SnsClient client) {
		return client.serviceClientConfiguration().overrideConfiguration();
	}

	private static ClientOverrideConfiguration sqs(SqsAsyncClient client) {
		return client.serviceClientConfiguration().overrideConfiguration();
	}

	@Configuration(proxyBeanMethods = false)
	static class ShortSqsTimeout {

		@Bean
		SqsAsyncClientCustomizer shortSqsTimeout() {
			return (builder) -> builder.overrideConfiguration(
					builder.overrideConfiguration().toBuilder().apiCallAttemptTimeout(Duration.ofSeconds(5)).build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTimeout {

		@Bean
		SnsClientCustomizer ownSnsTimeout() {
			return (builder) -> builder.overrideConfiguration(
					builder.overrideConfiguration().toBuilder().apiCallTimeout(Duration.ofMinutes(1)).build());
		}

	}

}
