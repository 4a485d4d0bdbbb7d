package dev.eventbus.failure.logging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.awspring.cloud.sqs.annotation.SqsListener;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.PublishEvents;

/**
 * An application with a failing {@code @SqsListener} of its own and an eventbus listener that
 * fails the first delivery of every event: who logs which failure.
 */
@SpringBootApplication
public class LoggingApp {

	/** The queue of the application's own {@code @SqsListener} (created by Spring Cloud AWS). */
	public static final String USER_QUEUE = "fx-log-user-queue";

	/** What the application's own listener throws. */
	public static final String USER_FAILURE = "the application's own listener failed";

	/** What the eventbus listener throws on a first delivery. */
	public static final String EVENTBUS_FAILURE = "the eventbus listener failed its first delivery";

	/** A published entity. */
	@Entity(name = "FxLogNote")
	@Table(name = "fx_log_notes")
	@PublishEvents
	public static class Note {

		@Id
		public Long id;

		public String text;

	}

	/** The application's own SQS listener: fails every message. */
	@Component
	public static class UserListener {

		/** The ids of the messages it received. */
		public final List<String> messageIds = new CopyOnWriteArrayList<>();

		@SqsListener(USER_QUEUE)
		void on(Message<String> message) {
			this.messageIds.add(String.valueOf(message.getHeaders().getId()));
			throw new IllegalStateException(USER_FAILURE);
		}

	}

	/** The eventbus listener: fails the first delivery of each event, handles the second. */
	@Component
	public static class NoteListener {

		private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

		/** The deliveries it received: entity id to count. */
		public final Map<String, Integer> deliveries = new ConcurrentHashMap<>();

		@Listener("FxLogNote")
		void on(EntityEvent<Map<String, Object>> event) {
			this.deliveries.merge(event.entityId(), 1, Integer::sum);
			if (this.failedOnce.add(event.entityId())) {
				throw new IllegalStateException(EVENTBUS_FAILURE);
			}
		}

	}

}
