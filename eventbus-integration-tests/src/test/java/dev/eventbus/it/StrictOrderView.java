package dev.eventbus.it;

import java.util.UUID;

/**
 * A view of an order that takes only the statuses it knows: the event of an order in any other
 * status does not convert, and is poison to the listener that takes this view.
 *
 * @param id the order id
 * @param status the status
 */
public record StrictOrderView(UUID id, Status status) {

	/** The statuses the view knows. */
	public enum Status {

		/** A new order. */
		NEW,

		/** A paid order. */
		PAID

	}

}
