package dev.eventbus.consume;

import java.time.Duration;

import io.awspring.cloud.sqs.listener.IdentifiableContainerComponent;
import io.awspring.cloud.sqs.listener.backpressure.BackPressureHandler;
import io.awspring.cloud.sqs.listener.backpressure.BackPressureHandlerFactory;
import io.awspring.cloud.sqs.listener.backpressure.BatchAwareBackPressureHandler;

/**
 * Puts a {@link ListenerGate} in front of the back-pressure handler that the container would
 * use anyway (from its {@code ContainerOptions}, so the application's own back-pressure settings
 * still apply): a paused listener asks SQS for nothing, so its messages are not received and
 * their receive count does not grow.
 */
final class PausingBackPressureHandler implements BatchAwareBackPressureHandler, IdentifiableContainerComponent {

	private final ListenerGate gate;

	private final BatchAwareBackPressureHandler delegate;

	private String id = "";

	private PausingBackPressureHandler(ListenerGate gate, BatchAwareBackPressureHandler delegate) {
		this.gate = gate;
		this.delegate = delegate;
	}

	/**
	 * A factory of gated handlers.
	 * @param gate the listener's gate
	 * @param original the factory the container was configured with
	 * @return the factory to configure instead
	 */
	static BackPressureHandlerFactory factory(ListenerGate gate, BackPressureHandlerFactory original) {
		return (options) -> {
			BackPressureHandler handler = original.createBackPressureHandler(options);
			if (!(handler instanceof BatchAwareBackPressureHandler batchAware)) {
				throw new IllegalStateException("eventbus needs a " + BatchAwareBackPressureHandler.class.getName()
						+ " from the container's back-pressure handler factory, got " + handler.getClass().getName());
			}
			return new PausingBackPressureHandler(gate, batchAware);
		};
	}

	@Override
	public int requestBatch() throws InterruptedException {
		return this.gate.request(this.delegate::requestBatch, () -> this.delegate.request(1));
	}

	@Override
	public int request(int amount) throws InterruptedException {
		return this.gate.request(() -> this.delegate.request(amount), () -> this.delegate.request(1));
	}

	@Override
	public void release(int amount, ReleaseReason reason) {
		this.delegate.release(amount, reason);
		this.gate.released(amount, reason);
	}

	@Override
	public boolean drain(Duration timeout) {
		return this.delegate.drain(timeout);
	}

	@Override
	public void setId(String id) {
		this.id = id;
		if (this.delegate instanceof IdentifiableContainerComponent component) {
			component.setId(id);
		}
	}

	@Override
	public String getId() {
		return this.id;
	}

}
