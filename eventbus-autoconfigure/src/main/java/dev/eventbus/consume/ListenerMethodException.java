package dev.eventbus.consume;

import java.lang.reflect.Method;

/**
 * A {@link dev.eventbus.Listener} method whose parameters cannot be bound.
 */
public class ListenerMethodException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * The parameter styles a listener method may use, as a fix: the one text of them in the
	 * runtime, spelled out in the Javadoc of {@link dev.eventbus.Listener}.
	 */
	static final String SUPPORTED_SIGNATURES = "Change the parameters to one of the supported styles:\n"
			+ "\tvoid on(EntityEvent<OrderView> event)\n\tvoid on(OrderView order)\n"
			+ "\tvoid on(String channel, Action action, Map<String, Object> data)\n"
			+ "\tvoid on(String channel, String action, Map<String, Object> data)";

	private final String method;

	private final String fix;

	/**
	 * Creates the exception for parameters that cannot be bound; the fix lists the
	 * supported parameter styles.
	 * @param method the listener method
	 * @param problem what is wrong with it
	 */
	public ListenerMethodException(Method method, String problem) {
		this(method, problem, SUPPORTED_SIGNATURES);
	}

	/**
	 * Creates the exception.
	 * @param method the listener method
	 * @param problem what is wrong with it
	 * @param fix what to do about it
	 */
	public ListenerMethodException(Method method, String problem, String fix) {
		super("@Listener method " + describe(method) + " " + problem);
		this.method = describe(method);
		this.fix = fix;
	}

	/**
	 * What to do about the problem.
	 * @return the fix
	 */
	public String getFix() {
		return this.fix;
	}

	/**
	 * The listener method, as {@code Class.method(ParamTypes)}.
	 * @return the method description
	 */
	public String getMethod() {
		return this.method;
	}

	static String describe(Method method) {
		StringBuilder text = new StringBuilder(method.getDeclaringClass().getName()).append('.')
			.append(method.getName())
			.append('(');
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			text.append((i > 0) ? ", " : "").append(types[i].getSimpleName());
		}
		return text.append(')').toString();
	}

}
