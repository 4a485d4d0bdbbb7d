package dev.eventbus.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.outbox.OutboxRelay;
import dev.eventbus.outbox.OutboxSignal;
import jakarta.persistence.EntityManager;

/**
 * The memory figure's JVM (started with a small {@code -Xmx}): starts the application without
 * listeners, fills the outbox with the backlog (relay stopped), then starts the relay and waits
 * until every row is published, sampling the heap. Writes its result as JSON.
 * <p>
 * Arguments: backlog, name prefix, emulator pid, output file, then {@code name=value} Spring
 * properties that point at the emulator.
 */
public final class MemoryMain {

	private static final int FILL_CHUNK = 100_000;

	private MemoryMain() {
	}

	public static void main(String[] args) throws Exception {
		int backlog = Integer.parseInt(args[0]);
		String prefix = args[1];
		long emulatorPid = Long.parseLong(args[2]);
		Path output = Path.of(args[3]);
		Map<String, String> aws = new LinkedHashMap<>();
		for (int i = 4; i < args.length; i++) {
			int eq = args[i].indexOf('=');
			aws.put(args[i].substring(0, eq), args[i].substring(eq + 1));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		try (ConfigurableApplicationContext context = new BenchmarkContexts(aws, prefix)
			.start(Map.of("bench.listeners", "false", "eventbus.consume.enabled", "false"))) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			OutboxRelay relay = context.getBean(OutboxRelay.class);
			relay.stop();
			jdbc.execute("truncate eventbus_outbox");
			String template = Fixture.bodyTemplate(context.getBean(TransactionTemplate.class),
					context.getBean(EntityManager.class), jdbc, (id) -> new PublishedOrder(id, 42));
			long fillStart = System.nanoTime();
			for (int done = 0; done < backlog; done += FILL_CHUNK) {
				Fixture.fill(jdbc, Channels.RELAY, Math.min(FILL_CHUNK, backlog - done), template);
			}
			result.put("fillSeconds", round((System.nanoTime() - fillStart) / 1e9));
			System.gc();
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			HeapSampler sampler = new HeapSampler();
			sampler.start();
			CpuMeter.Window window = new CpuMeter(ProcessHandle.current().pid(), emulatorPid).start();
			relay.start();
			context.getBean(OutboxSignal.class).committed();
			Fixture.await("the relay to publish " + backlog + " events", Duration.ofMinutes(30),
					() -> Fixture.drained(jdbc));
			CpuMeter.Usage usage = window.stop();
			sampler.interrupt();
			long peak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
				}
			}
			result.put("completed", true);
			result.put("relayedEvents", backlog);
			result.put("relaySeconds", round(usage.seconds()));
			result.put("eventsPerSecond", round(backlog / usage.seconds()));
			result.put("peakHeapUsedMb", round(peak / 1048576.0));
			result.put("maxSampledHeapUsedMb", round(sampler.max.get() / 1048576.0));
			result.put("maxHeapMb", round(Runtime.getRuntime().maxMemory() / 1048576.0));
			result.put("cpu", usage.toMap());
			jdbc.execute("truncate eventbus_outbox");
		}
		JsonMapper.builder().build().writeValue(output.toFile(), result);
		System.exit(0);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** Samples the heap in use every 20 ms. */
	private static final class HeapSampler extends Thread {

		final AtomicLong max = new AtomicLong();

		HeapSampler() {
			super("heap-sampler");
			setDaemon(true);
		}

		@Override
		public void run() {
			while (!isInterrupted()) {
				long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				this.max.accumulateAndGet(used, Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

}
