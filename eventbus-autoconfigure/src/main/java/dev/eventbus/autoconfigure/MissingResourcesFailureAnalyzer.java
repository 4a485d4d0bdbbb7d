package dev.eventbus.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.eventbus.provision.MissingResourcesException;

/**
 * Explains topics, queues or subscriptions missing in {@code validate} mode.
 */
class MissingResourcesFailureAnalyzer extends AbstractFailureAnalyzer<MissingResourcesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingResourcesException cause) {
		String mode = cause.getMode().name().toLowerCase(java.util.Locale.ROOT);
		return new FailureAnalysis(
				"eventbus.provision.mode is " + mode + " and these SNS/SQS resources do not exist:\n\t- "
						+ String.join("\n\t- ", cause.getMissing()),
				"Create them (Terraform, CloudFormation), or set eventbus.provision.mode=create to let eventbus "
						+ "create them at start-up.",
				cause);
	}

}
