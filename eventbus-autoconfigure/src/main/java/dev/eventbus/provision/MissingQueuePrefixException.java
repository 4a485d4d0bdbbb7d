package dev.eventbus.provision;

/**
 * Listener queues need a name prefix that tells this service apart from others, and none is
 * configured.
 */
public class MissingQueuePrefixException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Creates the exception. */
	public MissingQueuePrefixException() {
		super("Listener queues need a prefix: set spring.application.name or eventbus.consume.queue-prefix");
	}

}
