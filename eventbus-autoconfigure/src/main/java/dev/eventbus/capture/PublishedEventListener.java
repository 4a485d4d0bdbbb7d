package dev.eventbus.capture;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.annotation.AnnotatedElementUtils;

import dev.eventbus.EventBus;
import dev.eventbus.PublishedEvent;
import dev.eventbus.message.ActionNames;
import dev.eventbus.message.EventMessageCodec;

/**
 * Publishes the objects marked with {@link PublishedEvent} that the application publishes with
 * {@code ApplicationEventPublisher} (and Spring Data on behalf of an aggregate) through the
 * {@link EventBus}, on the publishing thread, so they join its transaction. Other listeners of
 * the event are called as usual: externalizing an event does not consume it.
 */
public final class PublishedEventListener implements ApplicationListener<PayloadApplicationEvent<?>> {

	private static final ClassValue<Optional<PublishedEvent>> MARKS = new ClassValue<>() {
		@Override
		protected Optional<PublishedEvent> computeValue(Class<?> type) {
			PublishedEvent mark = AnnotatedElementUtils.findMergedAnnotation(type, PublishedEvent.class);
			if (mark != null) {
				check(type, mark);
			}
			return Optional.ofNullable(mark);
		}
	};

	private final EventBus eventBus;

	private final EventMessageCodec codec;

	/**
	 * Creates the listener.
	 * @param eventBus publishes the marked events
	 * @param codec reads the key property of an event as Jackson writes it
	 */
	public PublishedEventListener(EventBus eventBus, EventMessageCodec codec) {
		this.eventBus = eventBus;
		this.codec = codec;
	}

	@Override
	public void onApplicationEvent(PayloadApplicationEvent<?> event) {
		Object payload = event.getPayload();
		Optional<PublishedEvent> mark = MARKS.get(payload.getClass());
		if (mark.isPresent()) {
			PublishedEvent published = mark.get();
			this.eventBus.publish(published.channel(), published.action(), key(published, payload), payload);
		}
	}

	@Override
	public boolean supportsAsyncExecution() {
		// joining the publisher's transaction needs the publisher's thread
		return false;
	}

	private @Nullable String key(PublishedEvent published, Object payload) {
		if (published.key().isEmpty()) {
			return null;
		}
		Map<String, @Nullable Object> data = this.codec.payload(payload);
		Object key = data.get(published.key());
		if (key == null) {
			throw new IllegalArgumentException("@PublishedEvent " + payload.getClass().getName() + " names key = \""
					+ published.key() + "\", and this event has "
					+ (data.containsKey(published.key()) ? "null there" : "no such property (it has " + data.keySet() + ")")
					+ "; give the key a value, or name a property the payload has");
		}
		return String.valueOf(key);
	}

	private static void check(Class<?> type, PublishedEvent mark) {
		if (mark.channel().isBlank()) {
			throw new IllegalArgumentException(
					"@PublishedEvent " + type.getName() + " names no channel; write @PublishedEvent(channel = \"...\")");
		}
		if (!ActionNames.isValid(mark.action())) {
			throw new IllegalArgumentException("@PublishedEvent " + type.getName() + " has action = \"" + mark.action()
					+ "\", which is not a valid action name: an action name is " + ActionNames.RULE
					+ ", such as \"issued\"");
		}
	}

}
