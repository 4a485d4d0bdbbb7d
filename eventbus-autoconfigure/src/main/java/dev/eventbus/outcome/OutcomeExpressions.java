package dev.eventbus.outcome;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Parses the expressions of {@link dev.eventbus.PublishOutcome} at start-up and checks that each
 * variable they name exists, since SpEL gives {@code null} for an unknown variable: a misspelt
 * argument name would otherwise publish {@code null} quietly.
 */
final class OutcomeExpressions {

	/** The variable that holds the return value. */
	static final String RESULT = "result";

	private final SpelExpressionParser parser = new SpelExpressionParser();

	/**
	 * The compiled expression, {@code null} for an empty one.
	 * @param method the method, for messages
	 * @param attribute the annotation attribute, for messages
	 * @param text the expression
	 * @param variables the variables the expression may name (without {@code #})
	 */
	@Nullable Expression parse(String method, String attribute, String text, Set<String> variables) {
		if (text.isBlank()) {
			return null;
		}
		Expression expression;
		try {
			expression = this.parser.parseExpression(text);
		}
		catch (ParseException ex) {
			throw new InvalidPublishOutcomeException(method, attribute,
					"is not a valid SpEL expression: \"" + text + "\": " + ex.getSimpleMessage(),
					"Correct the expression; it reads the arguments as #name or #p0 and, in payload, the return "
							+ "value as #result.",
					ex);
		}
		List<String> unknown = new ArrayList<>();
		if (expression instanceof SpelExpression spel) {
			collectUnknown(spel.getAST(), variables, unknown);
		}
		if (!unknown.isEmpty()) {
			throw new InvalidPublishOutcomeException(method, attribute,
					"names unknown variables " + String.join(", ", unknown) + " in \"" + text + "\"",
					"Use one of " + String.join(", ", variables.stream().map((name) -> "#" + name).toList())
							+ " (the parameter names need the class compiled with -parameters).");
		}
		return expression;
	}

	/** The variables an expression may name: the parameters by name and position, and the given extras. */
	static Set<String> variables(@Nullable String[] parameterNames, int parameterCount, String... extras) {
		Set<String> variables = new LinkedHashSet<>();
		if (parameterNames != null) {
			variables.addAll(List.of(parameterNames));
		}
		for (int i = 0; i < parameterCount; i++) {
			variables.add("p" + i);
			variables.add("a" + i);
		}
		variables.addAll(List.of(extras));
		return variables;
	}

	private static void collectUnknown(SpelNode node, Set<String> variables, List<String> unknown) {
		if (node instanceof VariableReference) {
			String name = node.toStringAST().substring(1);
			// #this and #root are SpEL's own; the root object is null here
			if (!name.equals("this") && !name.equals("root") && !variables.contains(name)) {
				unknown.add("#" + name);
			}
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collectUnknown(node.getChild(i), variables, unknown);
		}
	}

}
