package dev.eventbus.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Lists what was recorded in failure messages: a heading with the count, then one numbered
 * line per item.
 */
final class Listing {

	private Listing() {
	}

	/**
	 * A value as failure messages show it: text in double quotes.
	 * @param value the value
	 * @return the quoted text, or the value's {@code toString}
	 */
	static String quote(@Nullable Object value) {
		return (value instanceof CharSequence) ? "\"" + value + "\"" : String.valueOf(value);
	}

	/**
	 * The listing of some items.
	 * @param what what the items are, for example {@code published events}
	 * @param items the items
	 * @return {@code what (n):} and the items, or {@code no what} when there are none
	 */
	static String of(String what, List<?> items) {
		if (items.isEmpty()) {
			return "no " + what;
		}
		StringBuilder listing = new StringBuilder(what).append(" (").append(items.size()).append("):");
		for (int i = 0; i < items.size(); i++) {
			listing.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(items.get(i));
		}
		return listing.toString();
	}

}
