package dev.eventbus.consume;

import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import org.jspecify.annotations.Nullable;

/**
 * The Spring Cloud AWS container of one listener, with the deletions it may leave behind when
 * it stops.
 *
 * @param container the container
 * @param acknowledgements the handled messages it has not confirmed deleting ({@code null} with
 * manual acknowledgement)
 */
record ListenerContainer(SqsMessageListenerContainer<Object> container,
		@Nullable PendingAcknowledgements acknowledgements) {

	/** Starts the container. */
	void start() {
		this.container.start();
	}

	/**
	 * Stops the container (in-flight handlers finish within the shutdown timeout), then deletes
	 * the handled messages whose acknowledgement it did not send.
	 */
	void stop() {
		this.container.stop();
		if (this.acknowledgements != null) {
			this.acknowledgements.deleteLeftBehind();
		}
	}

}
