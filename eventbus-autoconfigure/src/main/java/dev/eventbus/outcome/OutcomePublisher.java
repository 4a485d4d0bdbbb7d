package dev.eventbus.outcome;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.eventbus.EventBus;
import dev.eventbus.OutcomeFailure;

/**
 * Publishes the outcome events of one call through the {@link EventBus}, where the transaction
 * rules want them: the success event with the transaction the method ran in (or in its own
 * without one); the failure event in a transaction of its own after the method's transaction
 * completed, whether that rolled back or (for an exception that does not roll back) committed,
 * or at once without a transaction.
 */
final class OutcomePublisher {

	private static final Log logger = LogFactory.getLog(OutcomePublisher.class);

	private final Supplier<EventBus> bus;

	private final BooleanSupplier includeStackTrace;

	/**
	 * Creates a publisher.
	 * @param bus gives the event bus (looked up at the first call: the advisor is created
	 * before the beans the bus needs)
	 * @param includeStackTrace whether failure events carry the stack trace (asked at each failure)
	 */
	OutcomePublisher(Supplier<EventBus> bus, BooleanSupplier includeStackTrace) {
		this.bus = bus;
		this.includeStackTrace = includeStackTrace;
	}

	void succeeded(OutcomeMethod method, @Nullable Object[] arguments, @Nullable Object result) {
		Object payload = method.successPayload(arguments, result);
		String key = method.key(arguments);
		EventBus bus = this.bus.get();
		// the advice runs inside @Transactional's (see OutcomePostProcessor), so an active
		// transaction is the method's own or the caller's that it joined. One whose completion has
		// begun (a method called from another transaction's after-completion callback) cannot be joined
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			bus.publish(method.channel(), method.success(), key, payload);
		}
		else {
			bus.publishInNewTransaction(method.channel(), method.success(), key, payload);
		}
	}

	/**
	 * Publishes the failure event, or arranges it for after the transaction. A failure event
	 * that cannot be built or written is logged, and added as suppressed to the method's
	 * exception where that is still on its way to the caller; it never replaces that exception.
	 */
	void failed(OutcomeMethod method, @Nullable Object[] arguments, Throwable failure) {
		Runnable publish;
		try {
			OutcomeFailure payload = method.failurePayload(arguments, failure, this.includeStackTrace.getAsBoolean());
			String key = method.key(arguments);
			publish = () -> this.bus.get().publishInNewTransaction(method.channel(), method.failure(), key, payload);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(notPublished(method, failure, ex));
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// written after the transaction completed: a rolled-back transaction must not take the
			// failure event with it, and a transaction still running cannot be joined safely
			TransactionSynchronizationManager.registerSynchronization(new AfterCompletion(method, failure, publish));
			return;
		}
		try {
			publish.run();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(notPublished(method, failure, ex));
		}
	}

	private static RuntimeException notPublished(OutcomeMethod method, Throwable failure, RuntimeException ex) {
		logger.error("eventbus could not publish the '" + method.failure() + "' event of channel '"
				+ method.channel() + "' for " + method.description() + ", which threw " + failure, ex);
		return ex;
	}

	private record AfterCompletion(OutcomeMethod method, Throwable failure,
			Runnable publish) implements TransactionSynchronization {

		@Override
		public void afterCompletion(int status) {
			// the exception has reached the caller by now: log only
			try {
				this.publish.run();
			}
			catch (RuntimeException ex) {
				notPublished(this.method, this.failure, ex);
			}
		}

	}

}
