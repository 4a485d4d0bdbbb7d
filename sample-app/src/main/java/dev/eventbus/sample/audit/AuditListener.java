package dev.eventbus.sample.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eventbus.Action;
import dev.eventbus.Listener;

import org.springframework.stereotype.Component;

/**
 * Logs every {@code Order} event and keeps the last {@value #CAPACITY} in memory. Written
 * in the style of the FRAME (Django) listeners: {@code (channel, action, data)}.
 */
@Component
public class AuditListener {

	static final int CAPACITY = 100;

	private static final Logger logger = LoggerFactory.getLogger(AuditListener.class);

	private final Deque<AuditEntry> entries = new ArrayDeque<>(CAPACITY);

	/**
	 * Record an event.
	 * @param channel the channel ({@code Order})
	 * @param action what happened
	 * @param data the payload
	 */
	@Listener("Order")
	public void onOrder(String channel, Action action, Map<String, Object> data) {
		logger.info("[audit] {} {} {}", channel, action.wireName(), data);
		synchronized (this.entries) {
			if (this.entries.size() == CAPACITY) {
				this.entries.removeFirst();
			}
			this.entries.addLast(new AuditEntry(Instant.now(), channel, action, Collections.unmodifiableMap(new LinkedHashMap<>(data))));
		}
	}

	/**
	 * The most recent entries, oldest first.
	 * @return at most {@value #CAPACITY} entries
	 */
	public List<AuditEntry> entries() {
		synchronized (this.entries) {
			return List.copyOf(this.entries);
		}
	}

}
