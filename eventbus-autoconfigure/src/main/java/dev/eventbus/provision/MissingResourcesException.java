package dev.eventbus.provision;

import java.util.List;

/**
 * Topics, queues or subscriptions that do not exist, found in {@code validate} mode (or, for
 * topics, in {@code none} mode).
 */
public class MissingResourcesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> missing;

	private final ProvisionMode mode;

	/**
	 * Creates the exception.
	 * @param missing a description of each missing resource
	 * @param mode the provisioning mode in which they were found missing
	 */
	public MissingResourcesException(List<String> missing, ProvisionMode mode) {
		super("Missing SNS/SQS resources: " + String.join("; ", missing));
		this.missing = List.copyOf(missing);
		this.mode = mode;
	}

	/**
	 * The provisioning mode in which the resources were found missing.
	 * @return the mode
	 */
	public ProvisionMode getMode() {
		return this.mode;
	}

	/**
	 * The missing resources.
	 * @return one description per resource
	 */
	public List<String> getMissing() {
		return this.missing;
	}

}
