package dev.eventbus.observation;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the trace context of a capture with its outbox row: at capture it gives the current
 * context as text for the row's {@code trace_context} column; at relay time it makes a stored
 * context current while the publish observation starts, so the publish span continues the
 * trace of the transaction that wrote the event.
 */
public interface OutboxTraceContext {

	/** Stores nothing: without a tracer every publish span starts a trace of its own. */
	OutboxTraceContext NONE = new OutboxTraceContext() {

		@Override
		public @Nullable String current() {
			return null;
		}

		@Override
		public Scope restore(String stored) {
			return () -> {
			};
		}

	};

	/**
	 * The trace context current on this thread, as text to store.
	 * @return the context, or {@code null} when no span is current
	 */
	@Nullable String current();

	/**
	 * Makes a stored context current on this thread until the scope closes.
	 * @param stored the text {@link #current()} gave at capture
	 * @return the scope to close; one that does nothing if the text cannot be read
	 */
	Scope restore(String stored);

	/** A restored context; closing it puts back what was current before. */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
