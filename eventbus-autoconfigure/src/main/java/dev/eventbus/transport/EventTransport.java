package dev.eventbus.transport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends events to the broker. Events of one ordering key ({@code channel:entityId}) are sent
 * in list order; once one of them fails, the later ones of that key are not sent in this call
 * and are reported as failed too, so that they keep their order on the next attempt.
 */
@FunctionalInterface
public interface EventTransport {

	/**
	 * Sends the events.
	 * @param messages the events, oldest first
	 * @return the events that were not sent, by event id, with the reason
	 * @throws RuntimeException when the broker cannot be reached at all (nothing was sent)
	 */
	Map<UUID, String> send(List<OutgoingMessage> messages);

}
