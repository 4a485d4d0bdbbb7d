package dev.eventbus.message;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import dev.eventbus.Action;

/**
 * The rule for action names on the wire: the entity actions {@code created}, {@code updated},
 * {@code deleted} and any custom action such as {@code issued}. A name starts with a lower-case
 * letter, continues with lower-case letters, digits, {@code -} or {@code _}, and has at most
 * {@value #MAX_LENGTH} characters, so that it is the same word in the message body, the SNS
 * {@code action} attribute and a subscription's filter policy.
 */
public final class ActionNames {

	/** The longest action name. */
	public static final int MAX_LENGTH = 64;

	/** The rule, as stated in error messages. */
	public static final String RULE = "a lower-case letter, then lower-case letters, digits, '-' or '_', at most "
			+ MAX_LENGTH + " characters";

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

	private static final List<String> ENTITY_ACTIONS = List.of(Action.CREATED.wireName(),
			Action.UPDATED.wireName(), Action.DELETED.wireName());

	/** Entity actions first, in declaration order; then custom actions, alphabetically. */
	public static final Comparator<String> ORDER = Comparator
		.comparingInt((String name) -> isEntityAction(name) ? ENTITY_ACTIONS.indexOf(name) : ENTITY_ACTIONS.size())
		.thenComparing(Comparator.naturalOrder());

	private ActionNames() {
	}

	/**
	 * Whether a text is a valid action name.
	 * @param name the text
	 * @return whether it follows the rule
	 */
	public static boolean isValid(String name) {
		return NAME.matcher(name).matches();
	}

	/**
	 * Checks an action name.
	 * @param name the action name
	 * @return the name
	 * @throws IllegalArgumentException if it does not follow the rule
	 */
	public static String check(String name) {
		if (!isValid(name)) {
			throw new IllegalArgumentException(
					"'" + name + "' is not a valid action name: an action name is " + RULE + ", such as 'issued'");
		}
		return name;
	}

	/**
	 * Whether an action name is one of the entity actions.
	 * @param name the action name
	 * @return whether it is {@code created}, {@code updated} or {@code deleted}
	 */
	public static boolean isEntityAction(String name) {
		return ENTITY_ACTIONS.contains(name);
	}

	/**
	 * The wire names of the entity actions, in declaration order.
	 * @return {@code created}, {@code updated}, {@code deleted}
	 */
	public static List<String> entityActions() {
		return ENTITY_ACTIONS;
	}

}
