package dev.eventbus.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * CPU time of the processes that share the machine during a measurement: this JVM (or the
 * memory figure's JVM), the fauxqs emulator and PostgreSQL (all its backends), read from
 * {@code /proc/<pid>/stat} (user + system time). On a machine without {@code /proc} the shares
 * are reported as unknown (-1).
 */
final class CpuMeter {

	/** Linux reports CPU time in clock ticks of 1/100 s on every common platform. */
	private static final double TICKS_PER_SECOND = 100.0;

	private final long jvmPid;

	private final long emulatorPid;

	CpuMeter(long jvmPid, long emulatorPid) {
		this.jvmPid = jvmPid;
		this.emulatorPid = emulatorPid;
	}

	/**
	 * The pid of the fauxqs emulator: the child process of this JVM that runs {@code start.mjs} on
	 * the given port, or -1 (an external endpoint).
	 * @param port the emulator's port
	 * @return the pid or -1
	 */
	static long emulatorPid(int port) {
		return ProcessHandle.current()
			.descendants()
			.filter((process) -> process.info()
				.commandLine()
				.filter((line) -> line.contains("start.mjs") && line.contains(String.valueOf(port)))
				.isPresent())
			.mapToLong(ProcessHandle::pid)
			.findFirst()
			.orElse(-1);
	}

	/**
	 * Starts a measurement window.
	 * @return the window
	 */
	Window start() {
		return new Window(snapshot());
	}

	private Snapshot snapshot() {
		return new Snapshot(System.nanoTime(), ticks(this.jvmPid), ticks(this.emulatorPid), postgresTicks());
	}

	private static Map<Long, Long> postgresTicks() {
		Set<Long> pids = ProcessHandle.allProcesses()
			.filter((process) -> process.info().command().filter((command) -> command.endsWith("/postgres")).isPresent())
			.map(ProcessHandle::pid)
			.collect(Collectors.toSet());
		Map<Long, Long> ticks = new HashMap<>();
		for (Long pid : pids) {
			long value = ticks(pid);
			if (value >= 0) {
				ticks.put(pid, value);
			}
		}
		return ticks;
	}

	static long ticks(long pid) {
		if (pid < 0) {
			return -1;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// the command may contain spaces: fields are counted after its closing parenthesis
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private record Snapshot(long nanos, long jvm, long emulator, Map<Long, Long> postgres) {
	}

	/** A measurement window: stop it to get the CPU used meanwhile. */
	final class Window {

		private final Snapshot start;

		private Window(Snapshot start) {
			this.start = start;
		}

		Usage stop() {
			Snapshot end = snapshot();
			double seconds = (end.nanos - this.start.nanos) / 1e9;
			long postgres = 0;
			for (Map.Entry<Long, Long> process : end.postgres.entrySet()) {
				postgres += process.getValue() - this.start.postgres.getOrDefault(process.getKey(), 0L);
			}
			return new Usage(seconds, cores(this.start.jvm, end.jvm, seconds),
					cores(this.start.emulator, end.emulator, seconds),
					end.postgres.isEmpty() ? -1 : postgres / TICKS_PER_SECOND / seconds);
		}

		private static double cores(long from, long to, double seconds) {
			return (from < 0 || to < 0) ? -1 : (to - from) / TICKS_PER_SECOND / seconds;
		}

	}

	/**
	 * CPU used during a window, in cores (1.0 = one core busy all the time).
	 *
	 * @param seconds the window's length
	 * @param jvm cores used by the measured JVM
	 * @param emulator cores used by the emulator
	 * @param postgres cores used by PostgreSQL
	 */
	record Usage(double seconds, double jvm, double emulator, double postgres) {

		static @Nullable Usage median(java.util.List<Usage> usages) {
			if (usages.isEmpty()) {
				return null;
			}
			return new Usage(Stats.median(usages.stream().map(Usage::seconds).toList()),
					Stats.median(usages.stream().map(Usage::jvm).toList()),
					Stats.median(usages.stream().map(Usage::emulator).toList()),
					Stats.median(usages.stream().map(Usage::postgres).toList()));
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("jvmCores", round(this.jvm));
			map.put("emulatorCores", round(this.emulator));
			map.put("postgresCores", round(this.postgres));
			return map;
		}

		String describe() {
			return String.format("jvm %.2f, emulator %.2f, postgres %.2f cores", this.jvm, this.emulator, this.postgres);
		}

		private static double round(double value) {
			return Math.round(value * 100) / 100.0;
		}

	}

}
