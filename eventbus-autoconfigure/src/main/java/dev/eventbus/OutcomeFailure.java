package dev.eventbus;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The payload of the failure event of a {@link PublishOutcome} method, to bind in a listener:
 * {@code @Listener(value = "Shipment", actions = "shipping-failed") void failed(OutcomeFailure failure)}.
 *
 * @param arguments the values of the parameters named in
 * {@link PublishOutcome#failureArguments()}, by parameter name, in declaration order
 * @param exception the fully qualified class name of the exception the method threw
 * @param message the exception's message, {@code null} if it had none
 * @param stackTrace the exception's stack trace, only with
 * {@code eventbus.outcome.include-stack-trace=true}, else {@code null} (and then left out of the
 * event)
 */
public record OutcomeFailure(Map<String, @Nullable Object> arguments, String exception, @Nullable String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String stackTrace) {

}
