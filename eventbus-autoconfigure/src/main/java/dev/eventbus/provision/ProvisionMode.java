package dev.eventbus.provision;

/**
 * What eventbus does with its SNS and SQS resources at start-up.
 */
public enum ProvisionMode {

	/** Create missing topics, queues, dead-letter queues and subscriptions; update attributes. */
	CREATE,

	/** Check that every resource exists; fail start-up naming what is missing. */
	VALIDATE,

	/** Touch nothing: the resources are managed elsewhere (Terraform, CloudFormation). */
	NONE

}
