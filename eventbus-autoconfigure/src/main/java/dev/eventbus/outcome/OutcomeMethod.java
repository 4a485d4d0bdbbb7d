package dev.eventbus.outcome;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;

import dev.eventbus.OutcomeFailure;

/**
 * What one {@link dev.eventbus.PublishOutcome} method publishes, checked at start-up: the
 * channel, the two actions, the compiled expressions and the failure arguments; and the payloads
 * and key of one call.
 */
final class OutcomeMethod {

	/** Stack traces are cut here so that a deep one cannot push the event past the SNS size limit. */
	static final int MAX_STACK_TRACE = 8192;

	private final Method method;

	private final String description;

	private final String channel;

	private final String success;

	private final String failure;

	private final @Nullable Expression payload;

	private final @Nullable Expression key;

	/** The failure arguments: parameter name to parameter index. */
	private final Map<String, Integer> failureArguments;

	private final ParameterNameDiscoverer parameterNames;

	OutcomeMethod(Method method, String channel, String success, String failure, @Nullable Expression payload,
			@Nullable Expression key, Map<String, Integer> failureArguments, ParameterNameDiscoverer parameterNames) {
		this.method = method;
		this.description = describe(method);
		this.channel = channel;
		this.success = success;
		this.failure = failure;
		this.payload = payload;
		this.key = key;
		this.failureArguments = Map.copyOf(failureArguments);
		this.parameterNames = parameterNames;
	}

	static String describe(Method method) {
		List<String> types = List.of(method.getParameterTypes()).stream().map(Class::getSimpleName).toList();
		return method.getDeclaringClass().getName() + "." + method.getName() + "(" + String.join(", ", types) + ")";
	}

	String channel() {
		return this.channel;
	}

	String success() {
		return this.success;
	}

	String failure() {
		return this.failure;
	}

	/** The method as {@code ClassName.methodName(ParameterTypes)}, for messages. */
	String description() {
		return this.description;
	}

	/**
	 * The payload of the success event: the payload expression's value, else the return value;
	 * an empty object for {@code null}.
	 */
	Object successPayload(@Nullable Object[] arguments, @Nullable Object result) {
		Object value = (this.payload != null) ? evaluate(this.payload, "payload", arguments, result) : result;
		return (value != null) ? value : Map.of();
	}

	/** The key of both events as text, {@code null} without a key expression or for a {@code null} value. */
	@Nullable String key(@Nullable Object[] arguments) {
		if (this.key == null) {
			return null;
		}
		Object value = evaluate(this.key, "key", arguments, null);
		return (value != null) ? value.toString() : null;
	}

	/** The payload of the failure event. */
	OutcomeFailure failurePayload(@Nullable Object[] arguments, Throwable failure, boolean includeStackTrace) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		this.failureArguments.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue())
			.forEach((argument) -> values.put(argument.getKey(), arguments[argument.getValue()]));
		return new OutcomeFailure(values, failure.getClass().getName(), failure.getMessage(),
				includeStackTrace ? stackTrace(failure) : null);
	}

	private @Nullable Object evaluate(Expression expression, String attribute, @Nullable Object[] arguments,
			@Nullable Object result) {
		MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(null, this.method, arguments,
				this.parameterNames);
		context.setVariable(OutcomeExpressions.RESULT, result);
		try {
			return expression.getValue(context);
		}
		catch (EvaluationException ex) {
			throw new IllegalStateException("@PublishOutcome(" + attribute + " = \"" + expression.getExpressionString()
					+ "\") on " + this.description + " failed: " + ex.getMessage(), ex);
		}
	}

	private static String stackTrace(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		String text = trace.toString();
		return (text.length() <= MAX_STACK_TRACE) ? text
				: text.substring(0, MAX_STACK_TRACE) + System.lineSeparator() + "\t... (cut at " + MAX_STACK_TRACE
						+ " characters)";
	}

}
