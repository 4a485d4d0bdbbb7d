package dev.eventbus.capture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.eventbus.PayloadMapper;

/**
 * The {@link PayloadMapper}s of an application by channel, checked: at most one per channel,
 * and each for a channel that a {@link dev.eventbus.PublishEvents} entity publishes to.
 */
public final class PayloadMappers {

	/** No mapper: every channel publishes the entity's state. */
	public static final PayloadMappers NONE = new PayloadMappers(List.of());

	private final Map<String, PayloadMapper> byChannel;

	/**
	 * Collects the mappers.
	 * @param mappers the mapper beans
	 * @throws InvalidPayloadMapperException if two mappers are for the same channel
	 */
	public PayloadMappers(Collection<PayloadMapper> mappers) {
		Map<String, List<PayloadMapper>> grouped = new TreeMap<>();
		mappers.forEach((mapper) -> grouped.computeIfAbsent(mapper.channel(), (key) -> new ArrayList<>()).add(mapper));
		Map<String, PayloadMapper> byChannel = new LinkedHashMap<>();
		grouped.forEach((channel, forChannel) -> {
			if (forChannel.size() > 1) {
				throw new InvalidPayloadMapperException(channel, "has " + forChannel.size()
						+ " PayloadMapper beans (" + forChannel + "); a channel takes at most one", List.of());
			}
			byChannel.put(channel, forChannel.get(0));
		});
		this.byChannel = Map.copyOf(byChannel);
	}

	/**
	 * Checks that every mapper is for one of the given channels.
	 * @param channels the channels of the persistence unit's {@code @PublishEvents} entities
	 * @throws InvalidPayloadMapperException for a mapper of another channel
	 */
	void validate(Set<String> channels) {
		for (String channel : new TreeSet<>(this.byChannel.keySet())) {
			if (!channels.contains(channel)) {
				throw new InvalidPayloadMapperException(channel,
						"has a PayloadMapper (" + this.byChannel.get(channel)
								+ ") but no @PublishEvents entity publishes to it",
						List.copyOf(new TreeSet<>(channels)));
			}
		}
	}

	@Nullable PayloadMapper forChannel(String channel) {
		return this.byChannel.isEmpty() ? null : this.byChannel.get(channel);
	}

	/**
	 * The changes between two mapped states: each top-level key whose value differs, in the order
	 * of the new state, then the keys only the old state has.
	 * @param old the mapped state before the update
	 * @param current the mapped state after it
	 * @return the changes
	 */
	static Map<String, Map<String, @Nullable Object>> changes(Map<String, @Nullable Object> old,
			Map<String, @Nullable Object> current) {
		Map<String, Map<String, @Nullable Object>> changes = new LinkedHashMap<>();
		current.forEach((name, value) -> {
			Object before = old.get(name);
			if (!EntityChange.same(before, value)) {
				changes.put(name, EntityChange.change(before, value));
			}
		});
		old.forEach((name, value) -> {
			if (!current.containsKey(name) && value != null) {
				changes.put(name, EntityChange.change(value, null));
			}
		});
		return changes;
	}

}
