package dev.eventbus.actuate;

import java.util.Set;
import java.util.TreeSet;

import io.awspring.cloud.autoconfigure.sns.SnsClientCustomizer;
import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records the IAM action of every call the application's SNS and SQS clients make (with
 * {@code ep.record-aws-calls=true}): {@code sns:Publish} for {@code Publish} and
 * {@code PublishBatch}, {@code sqs:DeleteMessage} for {@code DeleteMessageBatch}, and so on (a
 * batch call is authorized by the action of its single form).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("ep.record-aws-calls")
public class AwsCallRecorder {

	private final Set<String> actions = new TreeSet<>();

	@Bean
	SnsClientCustomizer recordingSnsClient() {
		return (builder) -> builder.overrideConfiguration(
				builder.overrideConfiguration().toBuilder().addExecutionInterceptor(interceptor("sns")).build());
	}

	@Bean
	SqsAsyncClientCustomizer recordingSqsClient() {
		return (builder) -> builder.overrideConfiguration(
				builder.overrideConfiguration().toBuilder().addExecutionInterceptor(interceptor("sqs")).build());
	}

	/**
	 * The IAM actions of the calls made so far.
	 * @return the actions, sorted
	 */
	public synchronized Set<String> actions() {
		return new TreeSet<>(this.actions);
	}

	private ExecutionInterceptor interceptor(String service) {
		return new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
				String action = operation.endsWith("Batch") ? operation.substring(0, operation.length() - 5) : operation;
				synchronized (AwsCallRecorder.this) {
					AwsCallRecorder.this.actions.add(service + ":" + action);
				}
			}

		};
	}

}
