package dev.eventbus.consume;

import java.time.Duration;

/**
 * A listener container waits longer for messages (its poll timeout) than the SQS client lets one
 * call take: every long poll that finds nothing would time out and be logged as a failed poll.
 */
public class PollTimeoutTooLongException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Duration pollTimeout;

	private final transient Duration callTimeout;

	/**
	 * Creates the exception.
	 * @param pollTimeout the containers' poll timeout
	 * @param callTimeout the SQS client's (attempt) timeout that is not longer
	 */
	public PollTimeoutTooLongException(Duration pollTimeout, Duration callTimeout) {
		super("The listener containers poll SQS for up to " + pollTimeout
				+ ", but the SQS client times out calls after " + callTimeout);
		this.pollTimeout = pollTimeout;
		this.callTimeout = callTimeout;
	}

	/**
	 * The containers' poll timeout.
	 * @return how long one receive waits for messages
	 */
	public Duration getPollTimeout() {
		return this.pollTimeout;
	}

	/**
	 * The SQS client's timeout that is too short.
	 * @return the call or attempt timeout
	 */
	public Duration getCallTimeout() {
		return this.callTimeout;
	}

}
