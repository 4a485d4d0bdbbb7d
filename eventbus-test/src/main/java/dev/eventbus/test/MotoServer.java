package dev.eventbus.test;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A moto server (the Python AWS mock, {@code moto_server -H 127.0.0.1 -p PORT}) running as a child process on a
 * free loopback port: a second SNS/SQS implementation, independent of fauxqs, to run the same tests against.
 * <p>
 * The command is {@code moto_server} from the {@code PATH}, or the one named by the system property
 * {@code eventbus.test.moto-server} or the environment variable {@code EVENTBUS_MOTO_SERVER}. Its output goes to
 * {@code moto-<port>.log} in {@code java.io.tmpdir}. Like {@link FauxqsEmulator}, a server still running when the
 * JVM exits is stopped about a second later by its watchdog; {@link #stop()} stops it by its PID.
 */
public final class MotoServer implements SnsSqsEndpoint {

	private static final String COMMAND_PROPERTY = "eventbus.test.moto-server";

	private static final String COMMAND_ENV = "EVENTBUS_MOTO_SERVER";

	private static final String DEFAULT_COMMAND = "moto_server";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static @Nullable MotoServer shared;

	private static @Nullable RuntimeException sharedFailure;

	private final String endpoint;

	private final int port;

	private @Nullable EmulatorProcess process;

	private MotoServer(int port) {
		this.port = port;
		this.endpoint = "http://127.0.0.1:" + port;
	}

	/**
	 * Tells whether the moto server command can be found (on the {@code PATH}, or as configured), so tests can be
	 * skipped on machines without moto.
	 * @return whether {@link #shared()} can start a server
	 */
	public static boolean isAvailable() {
		return executable() != null;
	}

	/**
	 * Returns the one moto server of this JVM, starting it on first use.
	 * @return the shared server
	 * @throws IllegalStateException if moto cannot be started (also on later calls)
	 */
	public static synchronized MotoServer shared() {
		if (shared == null) {
			if (sharedFailure != null) {
				throw new IllegalStateException("The shared moto server failed to start earlier", sharedFailure);
			}
			try {
				shared = start();
			}
			catch (RuntimeException ex) {
				sharedFailure = ex;
				throw ex;
			}
		}
		return shared;
	}

	/**
	 * Starts a new moto server, independent of the {@linkplain #shared() shared} one.
	 * @return the running server
	 * @throws IllegalStateException if the command is not found or the server does not start
	 */
	public static MotoServer start() {
		Path command = executable();
		if (command == null) {
			throw new IllegalStateException("moto_server is not on the PATH (" + System.getenv("PATH")
					+ "): install moto[server] (pip install 'moto[server]'), or set -D" + COMMAND_PROPERTY + " or "
					+ COMMAND_ENV + " to the moto_server command");
		}
		MotoServer server = new MotoServer(EmulatorProcess.freePort("moto"));
		Path log = Path.of(System.getProperty("java.io.tmpdir"), "moto-" + server.port + ".log");
		EmulatorProcess started = EmulatorProcess.start("moto",
				List.of(command.toString(), "-H", "127.0.0.1", "-p", Integer.toString(server.port)), null, log, false,
				ProcessHandle.current().pid());
		started.awaitHealthy(URI.create(server.endpoint + "/moto-api/"), (response) -> response.statusCode() == 200,
				STARTUP_TIMEOUT);
		server.process = started;
		return server;
	}

	/**
	 * Stops the server by its PID (SIGTERM, then a forcible kill after a few seconds); does nothing if it is not
	 * running.
	 */
	public synchronized void stop() {
		EmulatorProcess current = this.process;
		this.process = null;
		if (current != null) {
			current.stop();
		}
	}

	/**
	 * Tells whether the server process is running.
	 * @return whether it runs
	 */
	public synchronized boolean isRunning() {
		EmulatorProcess current = this.process;
		return current != null && current.isAlive();
	}

	/**
	 * Returns the endpoint URL that SNS and SQS clients should use.
	 * @return the endpoint URL, such as {@code http://127.0.0.1:40123}
	 */
	@Override
	public String endpoint() {
		return this.endpoint;
	}

	/**
	 * Returns the port of the endpoint.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the Spring properties that point Spring Cloud AWS at this server: the endpoint, the region
	 * {@code us-east-1} and the static credentials {@code test}/{@code test}.
	 * @return the properties, by name
	 */
	@Override
	public Map<String, String> springProperties() {
		return SnsSqsEndpoint.of(this.endpoint).springProperties();
	}

	@Override
	public String toString() {
		return "MotoServer[" + this.endpoint + "]";
	}

	private static @Nullable Path executable() {
		String configured = System.getProperty(COMMAND_PROPERTY);
		if (configured == null || configured.isBlank()) {
			configured = System.getenv(COMMAND_ENV);
		}
		if (configured != null && !configured.isBlank()) {
			Path path = Path.of(configured.trim());
			return Files.isExecutable(path) ? path : onPath(configured.trim());
		}
		return onPath(DEFAULT_COMMAND);
	}

	private static @Nullable Path onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
