package dev.eventbus.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ActionNamesTests {

	@Test
	void lowerCaseWordsWithDigitsHyphensAndUnderscoresAreActionNames() {
		assertThat(ActionNames.check("issued")).isEqualTo("issued");
		assertThat(ActionNames.isValid("payment-failed")).isTrue();
		assertThat(ActionNames.isValid("step_2")).isTrue();
		assertThat(ActionNames.isValid("a".repeat(64))).isTrue();
	}

	@Test
	void anythingElseIsRejectedNamingTheRule() {
		assertThat(ActionNames.isValid("Issued")).isFalse();
		assertThat(ActionNames.isValid("2nd")).isFalse();
		assertThat(ActionNames.isValid("-x")).isFalse();
		assertThat(ActionNames.isValid("")).isFalse();
		assertThat(ActionNames.isValid("paid out")).isFalse();
		assertThat(ActionNames.isValid("a".repeat(65))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> ActionNames.check("paid.out"))
			.withMessage("'paid.out' is not a valid action name: an action name is a lower-case letter, then "
					+ "lower-case letters, digits, '-' or '_', at most 64 characters, such as 'issued'");
	}

	@Test
	void entityActionsAreTheWireNamesOfAction() {
		assertThat(ActionNames.entityActions()).containsExactly("created", "updated", "deleted");
		assertThat(ActionNames.isEntityAction("deleted")).isTrue();
		assertThat(ActionNames.isEntityAction("issued")).isFalse();
	}

}
