package dev.eventbus.actuate;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.eventbus.operations.DeadLetterQueues;
import dev.eventbus.operations.EventReplay;
import dev.eventbus.operations.ReplayRange;
import dev.eventbus.operations.UnknownListenerException;

/**
 * The per-listener operations of the {@link EventBusEndpoint}: dead-letter peek and redrive
 * ({@link DeadLetterQueues}) and replay ({@link EventReplay}), with their failures as HTTP answers:
 * 404 for an unknown listener or an operation the application cannot do, 400 for bad parameters,
 * 502 when SQS refuses.
 */
final class ListenerOperations {

	private final @Nullable DeadLetterQueues deadLetters;

	private final @Nullable EventReplay replay;

	ListenerOperations(@Nullable DeadLetterQueues deadLetters, @Nullable EventReplay replay) {
		this.deadLetters = deadLetters;
		this.replay = replay;
	}

	Object peek(String listener, @Nullable Integer max) {
		DeadLetterQueues queues = this.deadLetters;
		return (queues != null) ? call(() -> queues.peek(listener, max)) : noListeners();
	}

	Object redrive(String listener, @Nullable String reason, @Nullable Integer max) {
		DeadLetterQueues queues = this.deadLetters;
		return (queues != null) ? call(() -> queues.redrive(listener, reason, max)) : noListeners();
	}

	Object replay(String listener, @Nullable Long fromId, @Nullable Long toId, @Nullable String from,
			@Nullable String to, @Nullable Integer max) {
		EventReplay events = this.replay;
		if (events == null) {
			return answer(WebEndpointResponse.STATUS_NOT_FOUND,
					"replay needs listeners and an outbox (a data source) in this application");
		}
		return call(() -> events.replay(listener,
				new ReplayRange(fromId, toId, instant("from", from), instant("to", to), max)));
	}

	private static @Nullable Instant instant(String name, @Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + name + "' is not an ISO-8601 instant such as 2026-12-01T08:00:00Z: "
					+ value, ex);
		}
	}

	private static Object call(Supplier<Object> operation) {
		try {
			return operation.get();
		}
		catch (UnknownListenerException ex) {
			return answer(WebEndpointResponse.STATUS_NOT_FOUND, ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			return answer(WebEndpointResponse.STATUS_BAD_REQUEST, ex.getMessage());
		}
		catch (SdkException ex) {
			return answer(502, "SQS refused: " + ex.getMessage());
		}
	}

	private static WebEndpointResponse<Map<String, String>> noListeners() {
		return answer(WebEndpointResponse.STATUS_NOT_FOUND, "dead-letters: this application runs no listeners");
	}

	private static WebEndpointResponse<Map<String, String>> answer(int status, @Nullable String error) {
		return new WebEndpointResponse<>(Map.of("error", String.valueOf(error)), status);
	}

}
