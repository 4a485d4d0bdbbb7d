package dev.eventbus.outcome;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;

import dev.eventbus.OutcomeFailure;
import dev.eventbus.PublishOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading {@link PublishOutcome}: what each attribute gives for a call, and each mistake that
 * must stop start-up.
 */
class OutcomeMethodReaderTests {

	private final OutcomeMethodReader reader = new OutcomeMethodReader(
			(value) -> value.replace("${channel}", "Shipment"));

	@Test
	void payloadExpressionReadsArgumentsByNameAndPositionAndTheResult() {
		OutcomeMethod method = read("expressions");
		UUID id = UUID.randomUUID();
		Object payload = method.successPayload(new Object[] { id, "ada" }, new Receipt(new BigDecimal("9.50")));
		assertThat(payload).isEqualTo(Map.of("order", id, "customer", "ada", "total", new BigDecimal("9.50")));
		assertThat(method.key(new Object[] { id, "ada" })).isEqualTo(id.toString());
		assertThat(method.channel()).isEqualTo("Shipment");
		assertThat(method.success()).isEqualTo("shipped");
		assertThat(method.failure()).isEqualTo("shipping-failed");
	}

	@Test
	void withoutPayloadExpressionTheReturnValueIsThePayloadAndVoidPublishesAnEmptyObject() {
		Receipt receipt = new Receipt(BigDecimal.ONE);
		assertThat(read("returnValue").successPayload(new Object[0], receipt)).isSameAs(receipt);
		assertThat(read("returnValue").successPayload(new Object[0], null)).isEqualTo(Map.of());
		OutcomeMethod noResult = read("noResult");
		assertThat(noResult.successPayload(new Object[] { "x" }, null)).isEqualTo(Map.of());
		assertThat(noResult.key(new Object[] { "x" })).isNull();
		assertThat(noResult.success()).isEqualTo("succeeded");
		assertThat(noResult.failure()).isEqualTo("failed");
	}

	@Test
	void failurePayloadCarriesTheNamedArgumentsInDeclarationOrderAndTheExceptionWithoutStackTrace() {
		UUID id = UUID.randomUUID();
		IllegalStateException failure = new IllegalStateException("no courier");
		OutcomeFailure payload = read("expressions").failurePayload(new Object[] { id, "ada" }, failure, false);
		assertThat(payload.arguments()).containsExactly(Map.entry("orderId", id), Map.entry("customer", "ada"));
		assertThat(payload.exception()).isEqualTo("java.lang.IllegalStateException");
		assertThat(payload.message()).isEqualTo("no courier");
		assertThat(payload.stackTrace()).isNull();
	}

	@Test
	void stackTraceIsIncludedOnRequestAndCut() {
		RuntimeException deep = deep(2000);
		OutcomeFailure payload = read("noResult").failurePayload(new Object[] { "x" }, deep, true);
		assertThat(payload.arguments()).isEmpty();
		assertThat(payload.stackTrace()).startsWith("java.lang.RuntimeException: deep")
			.contains("OutcomeMethodReaderTests.deep")
			.endsWith("(cut at " + OutcomeMethod.MAX_STACK_TRACE + " characters)");
		assertThat(payload.stackTrace().length()).isLessThan(OutcomeMethod.MAX_STACK_TRACE + 100);
	}

	@Test
	void expressionThatDoesNotParseStopsStartUp() {
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("badSyntax"))
			.withMessageContaining("@PublishOutcome(payload) on dev.eventbus.outcome.OutcomeMethodReaderTests$Methods"
					+ ".badSyntax(String)")
			.withMessageContaining("is not a valid SpEL expression: \"{id: #id\"")
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo("payload"));
	}

	@Test
	void unknownVariableStopsStartUpAndTheFixListsTheParameters() {
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("misspelt"))
			.withMessageContaining("names unknown variables #ordrId")
			.satisfies((ex) -> assertThat(ex.getFix()).contains("#orderId", "#p0", "#result"));
	}

	@Test
	void keyCannotReadTheResultWhichFailuresDoNotHave() {
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("keyFromResult"))
			.withMessageContaining("@PublishOutcome(key)")
			.withMessageContaining("#result");
	}

	@Test
	void voidMethodHasNoResultToRead() {
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("voidWithResult"))
			.withMessageContaining("@PublishOutcome(payload)")
			.withMessageContaining("names unknown variables #result");
	}

	@Test
	void actionThatIsNotALowerCaseWordStopsStartUp() {
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("badAction"))
			.withMessageContaining("@PublishOutcome(success)")
			.withMessageContaining("'Shipped'");
	}

	@Test
	void successAndFailureNeedDifferentActions() {
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("sameActions"))
			.withMessageContaining("uses the success action 'done' for failures too");
	}

	@Test
	void unknownFailureArgumentStopsStartUp() {
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("unknownArgument"))
			.withMessageContaining("@PublishOutcome(failureArguments)")
			.withMessageContaining("names 'orderID', which is no parameter")
			.satisfies((ex) -> assertThat(ex.getFix()).contains("orderId"));
	}

	@Test
	void returnValueThatIsNoJsonObjectNeedsAPayloadExpression() {
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("scalar"))
			.withMessageContaining("a java.lang.String, which is no JSON object")
			.satisfies((ex) -> assertThat(ex.getFix()).contains("{id: #result}"));
		assertThat(read("scalarWithPayload").successPayload(new Object[0], "A-1")).isEqualTo(Map.of("id", "A-1"));
	}

	@Test
	void asynchronousAndUninterceptableMethodsStopStartUp() {
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("future"))
			.withMessageContaining("whose outcome is not known when the method returns");
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("finalMethod"))
			.withMessageContaining("final method, which a Spring proxy cannot intercept");
	}

	@Test
	void blankChannelStopsStartUp() {
		assertThatExceptionOfType(InvalidPublishOutcomeException.class).isThrownBy(() -> read("blankChannel"))
			.withMessageContaining("names no channel");
	}

	@Test
	void expressionThatFailsAtCallTimeNamesTheMethodAndExpression() {
		OutcomeMethod method = read("expressions");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> method.successPayload(new Object[] { UUID.randomUUID(), "ada" }, null))
			.withMessageContaining("@PublishOutcome(payload = \"{order: #orderId, customer: #p1, total: #result.total}\")")
			.withMessageContaining("Methods.expressions(UUID, String) failed");
	}

	private OutcomeMethod read(String name) {
		Method method = List.of(ReflectionUtils.getDeclaredMethods(Methods.class))
			.stream()
			.filter((candidate) -> candidate.getName().equals(name))
			.findFirst()
			.orElseThrow();
		return this.reader.read(method, method.getAnnotation(PublishOutcome.class));
	}

	private static RuntimeException deep(int depth) {
		return (depth == 0) ? new RuntimeException("deep") : deep(depth - 1);
	}

	record Receipt(BigDecimal total) {
	}

	static class Methods {

		@PublishOutcome(channel = "${channel}", success = "shipped", failure = "shipping-failed",
				payload = "{order: #orderId, customer: #p1, total: #result.total}", key = "#orderId",
				failureArguments = { "customer", "orderId" })
		public Receipt expressions(UUID orderId, String customer) {
			return new Receipt(BigDecimal.ONE);
		}

		@PublishOutcome(channel = "Shipment")
		public Receipt returnValue() {
			return new Receipt(BigDecimal.ONE);
		}

		@PublishOutcome(channel = "Shipment")
		public void noResult(String input) {
		}

		@PublishOutcome(channel = "Shipment", payload = "{id: #id")
		public Receipt badSyntax(String id) {
			return new Receipt(BigDecimal.ONE);
		}

		@PublishOutcome(channel = "Shipment", payload = "{id: #ordrId}")
		public Receipt misspelt(UUID orderId) {
			return new Receipt(BigDecimal.ONE);
		}

		@PublishOutcome(channel = "Shipment", key = "#result.total")
		public Receipt keyFromResult(UUID orderId) {
			return new Receipt(BigDecimal.ONE);
		}

		@PublishOutcome(channel = "Shipment", payload = "{id: #result}")
		public void voidWithResult(UUID orderId) {
		}

		@PublishOutcome(channel = "Shipment", success = "Shipped")
		public void badAction() {
		}

		@PublishOutcome(channel = "Shipment", success = "done", failure = "done")
		public void sameActions() {
		}

		@PublishOutcome(channel = "Shipment", failureArguments = "orderID")
		public void unknownArgument(UUID orderId) {
		}

		@PublishOutcome(channel = "Shipment")
		public String scalar() {
			return "A-1";
		}

		@PublishOutcome(channel = "Shipment", payload = "{id: #result}")
		public String scalarWithPayload() {
			return "A-1";
		}

		@PublishOutcome(channel = "Shipment")
		public CompletableFuture<Receipt> future() {
			return CompletableFuture.completedFuture(new Receipt(BigDecimal.ONE));
		}

		@PublishOutcome(channel = "Shipment")
		public final void finalMethod() {
		}

		@PublishOutcome(channel = " ")
		public void blankChannel() {
		}

	}

}
