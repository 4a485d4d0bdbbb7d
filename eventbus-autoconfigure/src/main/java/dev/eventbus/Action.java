package dev.eventbus;

import java.util.Locale;

/**
 * What happened to an entity. On the wire (message body and the SNS {@code action} message
 * attribute) an action is written in lower case: {@code created}, {@code updated},
 * {@code deleted}.
 */
public enum Action {

	/** The entity was inserted. */
	CREATED,

	/** One or more published attributes of the entity changed. */
	UPDATED,

	/** The entity was deleted. */
	DELETED;

	/**
	 * The name of this action on the wire.
	 * @return the lower-case name, for example {@code created}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The action for a wire name, ignoring case.
	 * @param wireName a name such as {@code created}
	 * @return the action
	 * @throws IllegalArgumentException if the name is not an action
	 */
	public static Action fromWireName(String wireName) {
		return valueOf(wireName.toUpperCase(Locale.ROOT));
	}

}
