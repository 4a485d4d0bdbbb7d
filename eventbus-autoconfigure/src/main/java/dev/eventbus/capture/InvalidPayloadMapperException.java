package dev.eventbus.capture;

import java.util.List;

/**
 * A {@link dev.eventbus.PayloadMapper} registration that cannot work: two mappers for one
 * channel, or a mapper for a channel that no {@link dev.eventbus.PublishEvents} entity publishes
 * to (a typo would otherwise publish the entity's state unmapped).
 */
public class InvalidPayloadMapperException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String channel;

	private final List<String> channels;

	InvalidPayloadMapperException(String channel, String problem, List<String> channels) {
		super("Channel '" + channel + "' " + problem);
		this.channel = channel;
		this.channels = List.copyOf(channels);
	}

	/**
	 * The channel the mappers name.
	 * @return the channel
	 */
	public String getChannel() {
		return this.channel;
	}

	/**
	 * The channels of the {@code @PublishEvents} entities, when the problem is an unknown channel.
	 * @return the channels, sorted; empty for two mappers of one channel
	 */
	public List<String> getChannels() {
		return this.channels;
	}

}
