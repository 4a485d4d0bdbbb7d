package dev.eventbus.capture;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.eventbus.Action;
import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.observation.OutboxTraceContext;
import dev.eventbus.provision.DefaultNamingStrategy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Second read of the observation change, finding 12: a trace context longer than the
 * {@code trace_context} column (from a custom {@link OutboxTraceContext}) is not stored, with
 * one WARN, instead of failing the commit.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventFactoryTraceContextTests {

	private final AtomicReference<String> current = new AtomicReference<>();

	private final EventFactory factory = new EventFactory(new EventMessageCodec(), "shop",
			new DefaultNamingStrategy("shop-", null, false), Clock.systemUTC(), new OutboxTraceContext() {

				@Override
				public @Nullable String current() {
					return EventFactoryTraceContextTests.this.current.get();
				}

				@Override
				public Scope restore(String stored) {
					return () -> {
					};
				}

			});

	@Test
	void aTraceContextLongerThanTheColumnIsDroppedWithOneWarn(CapturedOutput output) {
		this.current.set("x".repeat(OutboxTraceContext.MAX_LENGTH));
		assertThat(create().traceContext()).as("exactly the column's length").hasSize(OutboxTraceContext.MAX_LENGTH);
		this.current.set("x".repeat(OutboxTraceContext.MAX_LENGTH + 1));
		assertThat(create().traceContext()).isNull();
		assertThat(create().traceContext()).isNull();
		assertThat(output.getOut().split("without their trace context", -1)).hasSize(2);
		assertThat(output).contains("257 characters, more than the 256 of the trace_context column");
	}

	private dev.eventbus.outbox.OutboxEvent create() {
		return this.factory.create("Order", Action.CREATED, "Order", "1", null, Map.of("id", 1), null);
	}

}
