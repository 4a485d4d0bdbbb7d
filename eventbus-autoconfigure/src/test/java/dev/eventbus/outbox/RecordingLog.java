package dev.eventbus.outbox;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * A commons-logging {@link Log} that records what is logged, every level enabled.
 */
final class RecordingLog implements Log {

	private final List<Entry> entries = new ArrayList<>();

	synchronized List<Entry> entries() {
		return List.copyOf(this.entries);
	}

	synchronized List<Entry> entries(String level) {
		return this.entries.stream().filter((entry) -> entry.level().equals(level)).toList();
	}

	private synchronized void add(String level, Object message, @Nullable Throwable ex) {
		this.entries.add(new Entry(level, String.valueOf(message), ex));
	}

	@Override
	public void trace(Object message) {
		add("TRACE", message, null);
	}

	@Override
	public void trace(Object message, Throwable ex) {
		add("TRACE", message, ex);
	}

	@Override
	public void debug(Object message) {
		add("DEBUG", message, null);
	}

	@Override
	public void debug(Object message, Throwable ex) {
		add("DEBUG", message, ex);
	}

	@Override
	public void info(Object message) {
		add("INFO", message, null);
	}

	@Override
	public void info(Object message, Throwable ex) {
		add("INFO", message, ex);
	}

	@Override
	public void warn(Object message) {
		add("WARN", message, null);
	}

	@Override
	public void warn(Object message, Throwable ex) {
		add("WARN", message, ex);
	}

	@Override
	public void error(Object message) {
		add("ERROR", message, null);
	}

	@Override
	public void error(Object message, Throwable ex) {
		add("ERROR", message, ex);
	}

	@Override
	public void fatal(Object message) {
		add("FATAL", message, null);
	}

	@Override
	public void fatal(Object message, Throwable ex) {
		add("FATAL", message, ex);
	}

	@Override
	public boolean isTraceEnabled() {
		return true;
	}

	@Override
	public boolean isDebugEnabled() {
		return true;
	}

	@Override
	public boolean isInfoEnabled() {
		return true;
	}

	@Override
	public boolean isWarnEnabled() {
		return true;
	}

	@Override
	public boolean isErrorEnabled() {
		return true;
	}

	@Override
	public boolean isFatalEnabled() {
		return true;
	}

	/**
	 * One logged message.
	 *
	 * @param level the level
	 * @param message the message
	 * @param ex the throwable, if any
	 */
	record Entry(String level, String message, @Nullable Throwable ex) {
	}

}
