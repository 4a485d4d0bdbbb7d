package dev.eventbus.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * One emulator process started by the tests (fauxqs or moto): its standard input is
 * {@code /dev/null}, its output goes to a log file, and a small watchdog shell process stops it
 * (SIGTERM, SIGKILL after five seconds) once the process it watches, normally this JVM, is gone. The
 * watchdog only acts after the JVM has exited, so after every shutdown hook, so after Spring test
 * contexts closed by a hook have stopped their listener containers. Stopped by PID.
 */
final class EmulatorProcess {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(100);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private static final File NO_INPUT = new File("/dev/null");

	/** $1 is the watched PID, $2 the emulator's; the watchdog also ends when the emulator ends. */
	private static final String WATCHDOG = "while kill -0 \"$1\" 2>/dev/null && kill -0 \"$2\" 2>/dev/null; "
			+ "do sleep 1; done; kill -0 \"$2\" 2>/dev/null || exit 0; kill \"$2\"; "
			+ "for i in 1 2 3 4 5; do sleep 1; kill -0 \"$2\" 2>/dev/null || exit 0; done; kill -9 \"$2\"";

	private final String name;

	private final Process process;

	private final Process watchdog;

	private final Path log;

	private EmulatorProcess(String name, Process process, Process watchdog, Path log) {
		this.name = name;
		this.process = process;
		this.watchdog = watchdog;
		this.log = log;
	}

	/**
	 * Starts a process and its watchdog.
	 * @param name what it is, for messages ("fauxqs", "moto")
	 * @param command the command line
	 * @param directory the working directory, or {@code null} for the JVM's
	 * @param log the file that receives its output
	 * @param appendLog whether to append to the log rather than replace it
	 * @param watchedPid the process whose end stops the emulator, normally this JVM's
	 * @return the running process
	 */
	static EmulatorProcess start(String name, List<String> command, @Nullable Path directory, Path log,
			boolean appendLog, long watchedPid) {
		Process started;
		try {
			started = new ProcessBuilder(command).directory((directory != null) ? directory.toFile() : null)
				.redirectInput(NO_INPUT)
				.redirectErrorStream(true)
				.redirectOutput(appendLog ? Redirect.appendTo(log.toFile()) : Redirect.to(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + ": " + String.join(" ", command), ex);
		}
		try {
			Process watchdog = new ProcessBuilder("/bin/sh", "-c", WATCHDOG, "eventbus-" + name + "-watchdog",
					Long.toString(watchedPid), Long.toString(started.pid()))
				.redirectInput(NO_INPUT)
				.redirectErrorStream(true)
				.redirectOutput(Redirect.DISCARD)
				.start();
			return new EmulatorProcess(name, started, watchdog, log);
		}
		catch (IOException ex) {
			awaitExit(started.destroyForcibly());
			throw new UncheckedIOException("Could not start the watchdog of " + name + " (/bin/sh)", ex);
		}
	}

	/**
	 * Waits until a GET of the URL answers as {@code healthy} accepts; stops the process if it does not.
	 * @param url the health URL
	 * @param healthy whether a response means the emulator is ready
	 * @param timeout the longest wait
	 * @throws IllegalStateException if the process exits or is not healthy in time
	 */
	void awaitHealthy(URI url, Predicate<HttpResponse<String>> healthy, Duration timeout) {
		HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.name + " exited with code " + this.process.exitValue()
							+ " before it was ready; " + logTail(this.log));
				}
				if (answers(request, healthy)) {
					return;
				}
				Thread.sleep(HEALTH_POLL_INTERVAL.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stop();
			throw new IllegalStateException("Interrupted while waiting for " + this.name + " to start", ex);
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
		stop();
		throw new IllegalStateException(this.name + " did not report healthy at " + url + " within "
				+ timeout.toSeconds() + " s; " + logTail(this.log));
	}

	private static boolean answers(HttpRequest request, Predicate<HttpResponse<String>> healthy)
			throws InterruptedException {
		try {
			return healthy.test(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The emulator's process id.
	 * @return the PID
	 */
	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Sends a signal to the process, such as {@code STOP} or {@code CONT}.
	 * @param signal the signal's name without {@code SIG}
	 * @throws IllegalStateException if {@code kill} fails
	 */
	void signal(String signal) {
		String command = "kill -" + signal + " " + pid();
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).redirectErrorStream(true)
				.start();
			if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				kill.destroyForcibly();
				throw new IllegalStateException("'" + command + "' failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run '" + command + "'", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running '" + command + "'", ex);
		}
	}

	/**
	 * Stops the emulator by its PID (SIGTERM, then SIGKILL after a few seconds) and its watchdog.
	 */
	void stop() {
		this.process.destroy();
		awaitExit(this.process);
		this.watchdog.destroy();
		awaitExit(this.watchdog);
	}

	private static void awaitExit(Process process) {
		try {
			if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	/**
	 * A free TCP port on 127.0.0.1.
	 * @param name what it is for, for the message
	 * @return the port
	 */
	static int freePort(String name) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free loopback port for " + name, ex);
		}
	}

	/**
	 * The last 40 lines of a log, for error messages.
	 * @param log the log file
	 * @return the tail, introduced by the file name
	 */
	static String logTail(Path log) {
		try {
			String[] lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R");
			String tail = String.join(System.lineSeparator(),
					Arrays.asList(lines).subList(Math.max(0, lines.length - 40), lines.length));
			return "last output (" + log + "):" + System.lineSeparator() + tail;
		}
		catch (IOException ex) {
			return "no output could be read from " + log + ": " + ex.getMessage();
		}
	}

}
