package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.eventbus.consume.PollTimeoutTooLongException;

/**
 * Explains a listener poll timeout that the SQS client's call timeout would cut short.
 */
class PollTimeoutFailureAnalyzer extends AbstractFailureAnalyzer<PollTimeoutTooLongException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PollTimeoutTooLongException cause) {
		return new FailureAnalysis(cause.getMessage() + ": every long poll that finds no message would fail.",
				"Make the SQS call timeouts longer than the poll timeout (" + cause.getPollTimeout()
						+ "): raise eventbus.aws.api-call-attempt-timeout and eventbus.aws.api-call-timeout (eventbus adds "
						+ "spring.cloud.aws.sqs.listener.poll-timeout to both for the SQS client), or the timeout your own "
						+ "SqsAsyncClientCustomizer sets; or lower the poll timeout of your listener container factory.",
				cause);
	}

}
