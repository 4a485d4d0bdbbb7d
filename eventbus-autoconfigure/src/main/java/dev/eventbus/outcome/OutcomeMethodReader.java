package dev.eventbus.outcome;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringValueResolver;

import dev.eventbus.PublishOutcome;
import dev.eventbus.message.ActionNames;

/**
 * Reads and checks the {@link PublishOutcome} annotation of a method, so that a mistake stops
 * start-up instead of failing (or quietly publishing {@code null}) at the first call.
 */
final class OutcomeMethodReader {

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final OutcomeExpressions expressions = new OutcomeExpressions();

	private final StringValueResolver placeholders;

	/**
	 * Creates a reader.
	 * @param placeholders resolves {@code ${...}} in the channel and actions
	 */
	OutcomeMethodReader(StringValueResolver placeholders) {
		this.placeholders = placeholders;
	}

	OutcomeMethod read(Method method, PublishOutcome annotation) {
		String description = OutcomeMethod.describe(method);
		checkInterceptable(method, description);
		String channel = resolve(annotation.channel());
		if (channel.isBlank()) {
			throw new InvalidPublishOutcomeException(description, "channel", "names no channel",
					"Set channel to the channel of the outcome events, for example channel = \"Shipment\".");
		}
		String success = action(description, "success", annotation.success());
		String failure = action(description, "failure", annotation.failure());
		if (success.equals(failure)) {
			throw new InvalidPublishOutcomeException(description, "failure",
					"uses the success action '" + success + "' for failures too",
					"Give success and failure different actions, so that listeners can tell them apart.");
		}
		@Nullable String[] names = this.parameterNames.getParameterNames(method);
		int count = method.getParameterCount();
		Set<String> arguments = OutcomeExpressions.variables(names, count);
		boolean returnsValue = method.getReturnType() != void.class && method.getReturnType() != Void.class;
		Set<String> payloadVariables = returnsValue
				? OutcomeExpressions.variables(names, count, OutcomeExpressions.RESULT) : arguments;
		Expression payload = this.expressions.parse(description, "payload", annotation.payload(), payloadVariables);
		Expression key = this.expressions.parse(description, "key", annotation.key(), arguments);
		if (payload == null && returnsValue && !isJsonObject(method.getReturnType())) {
			throw new InvalidPublishOutcomeException(description, "payload",
					"publishes the return value, a " + method.getReturnType().getName() + ", which is no JSON object",
					"Set payload to an expression that gives a record, a class or a map, for example "
							+ "payload = \"{id: #result}\".");
		}
		return new OutcomeMethod(method, channel, success, failure, payload, key,
				failureArguments(description, annotation.failureArguments(), names), this.parameterNames);
	}

	private String resolve(String value) {
		String resolved = this.placeholders.resolveStringValue(value);
		return (resolved != null) ? resolved.trim() : "";
	}

	private String action(String method, String attribute, String value) {
		String action = resolve(value);
		if (!ActionNames.isValid(action)) {
			throw new InvalidPublishOutcomeException(method, attribute,
					"has the action '" + action + "', which is not a valid action name",
					"An action name is " + ActionNames.RULE + ", for example \"shipped\" or \"shipping-failed\".");
		}
		return action;
	}

	private static Map<String, Integer> failureArguments(String method, String[] requested,
			@Nullable String[] names) {
		Map<String, Integer> indexes = new LinkedHashMap<>();
		List<String> known = (names != null) ? List.of(names) : List.of();
		for (String name : requested) {
			int index = known.indexOf(name);
			if (index < 0) {
				String fix = (names != null) ? "Name parameters of the method: " + String.join(", ", known) + "."
						: "Compile the class with -parameters (Spring Boot's Maven and Gradle plugins do), "
								+ "so that eventbus can read the parameter names.";
				throw new InvalidPublishOutcomeException(method, "failureArguments",
						"names '" + name + "', which is no parameter of the method", fix);
			}
			indexes.put(name, index);
		}
		return indexes;
	}

	/** Whether values of a type are written as a JSON object, as the payload of an event must be. */
	private static boolean isJsonObject(Class<?> type) {
		return !BeanUtils.isSimpleValueType(type) && !type.isArray() && !Collection.class.isAssignableFrom(type)
				&& !Optional.class.equals(type);
	}

	private static void checkInterceptable(Method method, String description) {
		int modifiers = method.getModifiers();
		if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers) || Modifier.isFinal(modifiers)) {
			throw new InvalidPublishOutcomeException(description, "channel",
					"is on a " + (Modifier.isStatic(modifiers) ? "static" : Modifier.isPrivate(modifiers) ? "private"
							: "final") + " method, which a Spring proxy cannot intercept",
					"Annotate a public, non-final instance method of a Spring bean, called through the bean.");
		}
		Class<?> type = method.getReturnType();
		if (Future.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type)
				|| ClassUtils.getAllInterfacesForClassAsSet(type)
					.stream()
					.anyMatch((face) -> face.getName().equals("org.reactivestreams.Publisher"))) {
			throw new InvalidPublishOutcomeException(description, "channel",
					"returns " + type.getName() + ", whose outcome is not known when the method returns",
					"Annotate the method that does the work and returns its result, not one that starts it "
							+ "asynchronously.");
		}
	}

}
