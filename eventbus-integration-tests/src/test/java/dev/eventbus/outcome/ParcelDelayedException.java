package dev.eventbus.outcome;

/**
 * Thrown by {@link ParcelService#deliver(java.util.UUID)}; it does not roll the transaction back.
 */
public class ParcelDelayedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ParcelDelayedException(String message) {
		super(message);
	}

}
