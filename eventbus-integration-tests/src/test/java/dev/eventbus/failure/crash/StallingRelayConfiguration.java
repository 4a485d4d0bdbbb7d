package dev.eventbus.failure.crash;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.eventbus.transport.EventTransport;
import dev.eventbus.transport.OutgoingMessage;

/**
 * Used by {@link CrashFixture} only (not component-scanned): with {@code fx.crash.stall-after-sends=n}
 * the relay's transport, after its n-th fully successful send, prints
 * {@value #MARKER} and the batch size and blocks for ever. The batch is then on SNS but its rows
 * are not marked published (the relay still holds their partitions): the moment to kill the process.
 */
public class StallingRelayConfiguration {

	/** Printed when the relay stalls between publishing a batch and marking it published. */
	public static final String MARKER = "CRASH-FIXTURE PUBLISHED-NOT-MARKED";

	@Bean
	static BeanPostProcessor stallingTransport(Environment environment) {
		int stallAfter = environment.getProperty("fx.crash.stall-after-sends", Integer.class, 0);
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (stallAfter > 0 && bean instanceof EventTransport transport) ? new Stalling(transport, stallAfter)
						: bean;
			}
		};
	}

	private static final class Stalling implements EventTransport {

		private final EventTransport delegate;

		private final int stallAfter;

		private final AtomicInteger sends = new AtomicInteger();

		Stalling(EventTransport delegate, int stallAfter) {
			this.delegate = delegate;
			this.stallAfter = stallAfter;
		}

		@Override
		public Map<UUID, String> send(List<OutgoingMessage> events) {
			Map<UUID, String> failures = this.delegate.send(events);
			if (failures.isEmpty() && this.sends.incrementAndGet() == this.stallAfter) {
				System.out.println(MARKER + " " + events.size());
				System.out.flush();
				while (true) {
					try {
						Thread.sleep(60_000);
					}
					catch (InterruptedException ex) {
						// keep the rows unmarked until the process is killed
					}
				}
			}
			return failures;
		}

	}

}
