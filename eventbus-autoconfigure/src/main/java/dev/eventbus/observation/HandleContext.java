package dev.eventbus.observation;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * The context of an {@code eventbus.handle} observation. Its carrier holds the message
 * attributes the event arrived with: those of the SNS notification (envelope delivery) or the
 * SQS message's (raw delivery). A tracing handler extracts the publish span's context from it,
 * so the listener's span is that span's child even when another span (Spring Cloud AWS's) is
 * open.
 */
public final class HandleContext extends ReceiverContext<Map<String, String>> {

	private final String listener;

	private final String channel;

	private final String action;

	private final String eventId;

	private HandleOutcome outcome = HandleOutcome.SUCCESS;

	/**
	 * Creates the context of one delivery.
	 * @param attributes the message attributes, by name
	 * @param listener the listener id
	 * @param channel the event's channel
	 * @param action the event's action in wire form
	 * @param eventId the event id
	 */
	public HandleContext(Map<String, String> attributes, String listener, String channel, String action,
			String eventId) {
		super((carrier, key) -> carrier.get(key), Kind.CONSUMER);
		setCarrier(attributes);
		this.listener = listener;
		this.channel = channel;
		this.action = action;
		this.eventId = eventId;
		setRemoteServiceName("sqs");
	}

	/**
	 * The listener id.
	 * @return the id
	 */
	public String getListener() {
		return this.listener;
	}

	/**
	 * The event's channel.
	 * @return the channel
	 */
	public String getChannel() {
		return this.channel;
	}

	/**
	 * The event's action.
	 * @return the action in wire form
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * The event id.
	 * @return the id
	 */
	public String getEventId() {
		return this.eventId;
	}

	/**
	 * What came of the delivery ({@link HandleOutcome#SUCCESS} until told otherwise).
	 * @return the outcome
	 */
	public HandleOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets what came of the delivery.
	 * @param outcome the outcome
	 */
	public void setOutcome(HandleOutcome outcome) {
		this.outcome = outcome;
	}

	static String error(@Nullable Throwable error) {
		return (error != null) ? error.getClass().getSimpleName() : "none";
	}

}
