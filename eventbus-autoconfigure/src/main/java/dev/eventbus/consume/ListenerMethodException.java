package dev.eventbus.consume;

import java.lang.reflect.Method;

/**
 * A {@link dev.eventbus.Listener} method whose parameters cannot be bound.
 */
public class ListenerMethodException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String method;

	/**
	 * Creates the exception.
	 * @param method the listener method
	 * @param problem what is wrong with it
	 */
	public ListenerMethodException(Method method, String problem) {
		super("@Listener method " + describe(method) + " " + problem);
		this.method = describe(method);
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
