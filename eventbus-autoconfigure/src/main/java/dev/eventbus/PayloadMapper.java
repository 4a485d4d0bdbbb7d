package dev.eventbus;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Shapes the payload of the entity events of one channel. Declare it as a bean; eventbus applies
 * it at capture, in the transaction, to the state it would otherwise publish (attributes by name,
 * to-one associations as the target's id, collections left out); attributes that
 * {@link PublishEvents#exclude()} names never reach it. The {@code changes} of an
 * {@code updated} event are the top-level keys whose value differs between the mapped old
 * state and the mapped new state, so an attribute the mapper leaves out never shows up there
 * either, and an update that changes nothing the mapper returns publishes nothing.
 *
 * <pre class="code">
 * &#64;Bean
 * PayloadMapper orderPayload() {
 *     return PayloadMapper.of("Order", (entityType, state) -&gt; {
 *         Map&lt;String, Object&gt; payload = new LinkedHashMap&lt;&gt;();
 *         payload.put("id", state.get("id"));
 *         payload.put("status", state.get("status"));
 *         BigDecimal total = (BigDecimal) state.get("total");
 *         payload.put("totalCents", (total != null) ? total.movePointRight(2).longValue() : null);
 *         return payload;
 *     });
 * }
 * </pre>
 *
 * At most one mapper per channel, and only for a channel of a {@link PublishEvents} entity:
 * anything else stops start-up. Values may be {@code null} (use a map that allows them). Domain
 * events published from code are not mapped.
 */
public interface PayloadMapper {

	/**
	 * The channel whose entity events this mapper shapes.
	 * @return the channel name
	 */
	String channel();

	/**
	 * The payload to publish for one state of an entity. Called for the state after an insert or
	 * an update, for the state before an update (to compute the changes) and for the last state of
	 * a deleted entity. Must not change the entity, must be quick and should give equal maps for
	 * equal states.
	 * @param entityType the JPA entity name (a channel may carry several entity types)
	 * @param state the state eventbus would publish, without excluded attributes
	 * @return the payload; its values must be serializable by Jackson
	 */
	Map<String, @Nullable Object> map(String entityType, Map<String, @Nullable Object> state);

	/**
	 * A mapper from a channel and a function.
	 * @param channel the channel
	 * @param mapping turns the entity type and the published state into the payload
	 * @return the mapper
	 */
	static PayloadMapper of(String channel, Mapping mapping) {
		return new PayloadMapper() {

			@Override
			public String channel() {
				return channel;
			}

			@Override
			public Map<String, @Nullable Object> map(String entityType, Map<String, @Nullable Object> state) {
				return mapping.map(entityType, state);
			}

			@Override
			public String toString() {
				return "PayloadMapper for channel '" + channel + "'";
			}

		};
	}

	/**
	 * The mapping function of {@link #of(String, Mapping)}.
	 */
	@FunctionalInterface
	interface Mapping {

		/**
		 * The payload for one state.
		 * @param entityType the JPA entity name
		 * @param state the published state, without excluded attributes
		 * @return the payload
		 */
		Map<String, @Nullable Object> map(String entityType, Map<String, @Nullable Object> state);

	}

}
