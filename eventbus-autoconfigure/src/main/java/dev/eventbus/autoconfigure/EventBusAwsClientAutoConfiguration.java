package dev.eventbus.autoconfigure;

import java.time.Duration;

import io.awspring.cloud.autoconfigure.sns.SnsClientCustomizer;
import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sqs.SqsAsyncClientBuilder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Call timeouts on the SNS and SQS clients that Spring Cloud AWS builds: without them a broker
 * that accepts connections but never answers blocks the relay and the listeners for good. The
 * customizers run last and set only the timeouts no other customizer has set
 * ({@code eventbus.aws.*}).
 */
@AutoConfiguration
@ConditionalOnClass(SnsClientCustomizer.class)
@ConditionalOnBooleanProperty(name = "eventbus.enabled", matchIfMissing = true)
public final class EventBusAwsClientAutoConfiguration {

	/** Spring Cloud AWS's listener poll timeout when spring.cloud.aws.sqs.listener.poll-timeout is not set. */
	static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(10);

	static final String POLL_TIMEOUT = "spring.cloud.aws.sqs.listener.poll-timeout";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SnsClientBuilder.class)
	static class SnsTimeoutConfiguration {

		@Bean
		SnsClientCustomizer eventBusSnsClientTimeouts(Environment environment) {
			EventBusProperties.Aws aws = aws(environment);
			return new SnsTimeouts(aws.getApiCallTimeout(), aws.getApiCallAttemptTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SqsAsyncClientBuilder.class)
	static class SqsTimeoutConfiguration {

		@Bean
		SqsAsyncClientCustomizer eventBusSqsClientTimeouts(Environment environment) {
			EventBusProperties.Aws aws = aws(environment);
			// a receive call waits up to the poll timeout for messages: never cut a long poll short
			Duration poll = Binder.get(environment).bind(POLL_TIMEOUT, Duration.class).orElse(DEFAULT_POLL_TIMEOUT);
			return new SqsTimeouts(aws.getApiCallTimeout().plus(poll), aws.getApiCallAttemptTimeout().plus(poll));
		}

	}

	/**
	 * The properties are bound here rather than injected: the customizers are needed while the
	 * clients are built, which can be before the properties bean is.
	 */
	private static EventBusProperties.Aws aws(Environment environment) {
		return Binder.get(environment).bind("eventbus", EventBusProperties.class).orElseGet(EventBusProperties::new).getAws();
	}

	/** Sets the timeouts that are not set yet. */
	static void apply(SdkClientBuilder<?, ?> builder, Duration callTimeout, Duration attemptTimeout) {
		ClientOverrideConfiguration current = builder.overrideConfiguration();
		ClientOverrideConfiguration.Builder changed = current.toBuilder();
		if (current.apiCallTimeout().isEmpty()) {
			changed.apiCallTimeout(callTimeout);
		}
		if (current.apiCallAttemptTimeout().isEmpty()) {
			changed.apiCallAttemptTimeout(attemptTimeout);
		}
		builder.overrideConfiguration(changed.build());
	}

	record SnsTimeouts(Duration callTimeout, Duration attemptTimeout) implements SnsClientCustomizer, Ordered {

		@Override
		public void customize(SnsClientBuilder builder) {
			apply(builder, this.callTimeout, this.attemptTimeout);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	record SqsTimeouts(Duration callTimeout, Duration attemptTimeout) implements SqsAsyncClientCustomizer, Ordered {

		@Override
		public void customize(SqsAsyncClientBuilder builder) {
			apply(builder, this.callTimeout, this.attemptTimeout);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
