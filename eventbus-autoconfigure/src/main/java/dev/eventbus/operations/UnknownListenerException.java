package dev.eventbus.operations;

import java.util.Collection;

/**
 * Thrown when an operation names a listener id this application does not have.
 */
public class UnknownListenerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String listenerId;

	/**
	 * Creates the exception.
	 * @param listenerId the id asked for
	 * @param known the ids this application has
	 */
	public UnknownListenerException(String listenerId, Collection<String> known) {
		super("No @Listener with id '" + listenerId + "' in this application; its listeners are " + known);
		this.listenerId = listenerId;
	}

	/**
	 * The id asked for.
	 * @return the listener id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

}
