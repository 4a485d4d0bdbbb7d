package dev.eventbus.provision;

import java.util.List;

/**
 * In {@code validate} mode: topics, queues or subscriptions that do not exist.
 */
public class MissingResourcesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> missing;

	/**
	 * Creates the exception.
	 * @param missing a description of each missing resource
	 */
	public MissingResourcesException(List<String> missing) {
		super("Missing SNS/SQS resources: " + String.join("; ", missing));
		this.missing = List.copyOf(missing);
	}

	/**
	 * The missing resources.
	 * @return one description per resource
	 */
	public List<String> getMissing() {
		return this.missing;
	}

}
