package dev.eventbus.provision;

/**
 * A channel or listener whose topic or queue name AWS does not allow.
 */
public class InvalidResourceNameException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String name;

	/**
	 * Creates the exception.
	 * @param name the offending name
	 * @param message why it is not allowed
	 */
	public InvalidResourceNameException(String name, String message) {
		super(message);
		this.name = name;
	}

	/**
	 * The offending name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

}
