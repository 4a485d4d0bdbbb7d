package dev.eventbus.outcome;

/**
 * Thrown at start-up for a {@link dev.eventbus.PublishOutcome} method whose annotation cannot
 * work: an expression that does not parse or names an unknown variable, an action that is not a
 * lower-case word, an unknown failure argument, a method a proxy cannot intercept.
 */
public class InvalidPublishOutcomeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String method;

	private final String attribute;

	private final String fix;

	InvalidPublishOutcomeException(String method, String attribute, String problem, String fix) {
		this(method, attribute, problem, fix, null);
	}

	InvalidPublishOutcomeException(String method, String attribute, String problem, String fix,
			@org.jspecify.annotations.Nullable Throwable cause) {
		super("@PublishOutcome(" + attribute + ") on " + method + " " + problem, cause);
		this.method = method;
		this.attribute = attribute;
		this.fix = fix;
	}

	/**
	 * The annotated method.
	 * @return the method as {@code ClassName.methodName(ParameterTypes)}
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * The annotation attribute at fault.
	 * @return the attribute name, for example {@code payload}
	 */
	public String getAttribute() {
		return this.attribute;
	}

	/**
	 * How to correct the annotation.
	 * @return the fix, one or more sentences
	 */
	public String getFix() {
		return this.fix;
	}

}
