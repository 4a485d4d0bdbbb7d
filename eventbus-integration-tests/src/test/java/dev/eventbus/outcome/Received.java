package dev.eventbus.outcome;

import java.util.Map;

/**
 * What a listener received.
 *
 * @param listener which listener method
 * @param action the event's action
 * @param data the payload as a map (the FRAME listener) or the bound object
 */
public record Received(String listener, String action, Object data) {

	@SuppressWarnings("unchecked")
	Map<String, Object> map() {
		return (Map<String, Object>) this.data;
	}

}
