package dev.eventbus.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A load run while the backlog is watched: samples the backlog from the start, measures the CPU
 * of the load, notes the backlog when the load stops and then how long it takes to drain.
 *
 * @param <T> what the load returns
 * @param result what the load returned
 * @param cpu the CPU used while the load ran
 * @param loadStopped seconds from the start of sampling to the end of the load
 * @param outboxRows outbox rows not yet published when the load stopped (-1 without an outbox)
 * @param notArrived events sent but not yet at the listener when the load stopped
 * @param drain how long the backlog took to drain
 * @param drainCpu the CPU used while it drained
 * @param samples the backlog samples, load and drain
 */
record WatchedLoad<T>(T result, CpuMeter.Usage cpu, double loadStopped, long outboxRows, long notArrived, Drain drain,
		CpuMeter.Usage drainCpu, List<BacklogSampler.Sample> samples) {

	/**
	 * Runs a load and waits for its backlog to drain.
	 * @param <T> what the load returns
	 * @param fixture the application
	 * @param meter the CPU meter
	 * @param outbox whether the events go through the outbox (false for a raw baseline)
	 * @param sent events sent so far by the load
	 * @param arrived events of the load that reached the listener so far
	 * @param load the load; returns when it has sent everything
	 * @return what was measured
	 */
	static <T> WatchedLoad<T> run(Fixture fixture, CpuMeter meter, boolean outbox, LongSupplier sent,
			LongSupplier arrived, Supplier<T> load) {
		// arrived first: sent only grows, so the difference is never below the true one
		LongSupplier behind = () -> {
			long reached = arrived.getAsLong();
			return sent.getAsLong() - reached;
		};
		try (BacklogSampler sampler = new BacklogSampler(fixture.schema, outbox, behind)) {
			CpuMeter.Window window = meter.start();
			T result = load.get();
			CpuMeter.Usage cpu = window.stop();
			double stopped = sampler.seconds();
			long rows = outbox ? fixture.backlog() : -1;
			long total = sent.getAsLong();
			long notArrived = total - arrived.getAsLong();
			CpuMeter.Window drainWindow = meter.start();
			Drain drain = Drain.await(Duration.ofMinutes(5), outbox ? () -> Fixture.drained(fixture.jdbc) : null,
					() -> arrived.getAsLong() >= total);
			CpuMeter.Usage drainCpu = drainWindow.stop();
			return new WatchedLoad<>(result, cpu, stopped, rows, notArrived, drain, drainCpu, sampler.stop());
		}
	}

	String describe() {
		String outbox = (this.outboxRows < 0) ? ""
				: String.format("%d outbox rows (drained after %.1f s), ", this.outboxRows, this.drain.outboxSeconds());
		return String.format("%s; when it stopped %s%d not at the listener (all there after %.1f s; %s)",
				this.cpu.describe(), outbox, this.notArrived, this.drain.listenerSeconds(), this.drainCpu.describe());
	}

}
