package dev.eventbus.failure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What test listeners received, one entry per invocation, in the order they were added; safe
 * to add to from listener threads while a test reads. The one collector of listener calls of
 * these tests: entries are {@link Delivery} records or a listener class's own record.
 *
 * @param <T> the type of an entry
 */
public final class Deliveries<T> {

	private final List<T> entries = new ArrayList<>();

	/**
	 * Records one invocation.
	 * @param entry what the listener received
	 */
	public synchronized void add(T entry) {
		this.entries.add(entry);
	}

	/**
	 * How many times the listeners ran.
	 * @return the number of entries
	 */
	public synchronized int count() {
		return this.entries.size();
	}

	/**
	 * Everything received so far.
	 * @return a copy of the entries
	 */
	public synchronized List<T> all() {
		return List.copyOf(this.entries);
	}

	/**
	 * The entries that match.
	 * @param filter which entries
	 * @return a copy of the matching entries
	 */
	public synchronized List<T> matching(Predicate<? super T> filter) {
		return this.entries.stream().filter(filter).toList();
	}

	/**
	 * The distinct values of one field of the entries, such as the entity ids received.
	 * @param <V> the type of the value
	 * @param field the field
	 * @return the values, in the order they were first received
	 */
	public synchronized <V> Set<V> distinct(Function<? super T, ? extends V> field) {
		Set<V> values = new LinkedHashSet<>();
		this.entries.forEach((entry) -> values.add(field.apply(entry)));
		return values;
	}

}
