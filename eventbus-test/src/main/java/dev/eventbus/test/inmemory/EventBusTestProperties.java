package dev.eventbus.test.inmemory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of eventbus's test support ({@code eventbus.test.*}).
 */
@ConfigurationProperties("eventbus.test")
public class EventBusTestProperties {

	/** The property that switches in-memory delivery on. */
	public static final String DELIVERY = "eventbus.test.delivery";

	/**
	 * How events reach the listener methods: through SNS and SQS (an emulator or AWS), or in
	 * memory, without any AWS client.
	 */
	private Delivery delivery = Delivery.BROKER;

	private final InMemory inMemory = new InMemory();

	/**
	 * How events reach the listener methods.
	 * @return the delivery
	 */
	public Delivery getDelivery() {
		return this.delivery;
	}

	/**
	 * Sets how events reach the listener methods.
	 * @param delivery the delivery
	 */
	public void setDelivery(Delivery delivery) {
		this.delivery = delivery;
	}

	/**
	 * The settings of in-memory delivery.
	 * @return the settings
	 */
	public InMemory getInMemory() {
		return this.inMemory;
	}

	/** How events reach the listener methods. */
	public enum Delivery {

		/** Through SNS and SQS, as in production. */
		BROKER,

		/** In memory, in the same JVM, without SNS, SQS or any AWS client. */
		IN_MEMORY

	}

	/** The settings of in-memory delivery ({@code eventbus.test.in-memory.*}). */
	public static class InMemory {

		/**
		 * How long a failed delivery waits before the event is delivered again. The listeners'
		 * own back-off (eventbus.consume.retry.*) applies on SQS only.
		 */
		private Duration retryDelay = Duration.ZERO;

		/** Threads that run listener methods; events of one entity are handled one at a time, in order. */
		private int threads = 4;

		/**
		 * How long a failed delivery waits before the event is delivered again.
		 * @return the delay
		 */
		public Duration getRetryDelay() {
			return this.retryDelay;
		}

		/**
		 * Sets how long a failed delivery waits before the event is delivered again.
		 * @param retryDelay the delay
		 */
		public void setRetryDelay(Duration retryDelay) {
			this.retryDelay = retryDelay;
		}

		/**
		 * Threads that run listener methods.
		 * @return the threads
		 */
		public int getThreads() {
			return this.threads;
		}

		/**
		 * Sets the threads that run listener methods.
		 * @param threads the threads
		 */
		public void setThreads(int threads) {
			this.threads = threads;
		}

	}

}
