package dev.eventbus.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A fauxqs SNS/SQS emulator running as a Node.js child process on a loopback port, or an external SNS/SQS
 * endpoint configured through {@code EVENTBUS_TEST_AWS_ENDPOINT} (or the system property
 * {@code eventbus.test.aws-endpoint}).
 * <p>
 * The emulator's pinned npm packages and start script ship in this jar and are installed on first use
 * ({@code npm ci}, so {@code node} and {@code npm} must be on the {@code PATH}) into a cache outside the project,
 * {@code ~/.cache/eventbus/fauxqs-<version>} by default ({@code eventbus.test.emulator-cache} or
 * {@code EVENTBUS_EMULATOR_CACHE} name another root), shared by all projects and JVMs of the machine; the Node 24
 * binary the emulator runs on is the npm package of the platform (Linux or macOS, x64 or arm64). The system
 * property {@code eventbus.emulator.dir} (or {@code EVENTBUS_EMULATOR_DIR}) runs an emulator directory of your
 * own instead. The {@linkplain #shared() shared} emulator listens on a free port, or on the one given by
 * {@code eventbus.test.fauxqs-port} (or {@code EVENTBUS_TEST_FAUXQS_PORT}). The output of each emulator goes to
 * {@code fauxqs-<port>.log} in {@code java.io.tmpdir}. The emulator listens on 127.0.0.1 only. An emulator still
 * running when the JVM exits is stopped by its watchdog about a second later (its standard input is
 * {@code /dev/null} and plays no part).
 */
public final class FauxqsEmulator implements SnsSqsEndpoint {

	private static final String DEFAULT_REGION = "us-east-1";

	private static final String TEST_CREDENTIAL = "test";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private static @Nullable FauxqsEmulator shared;

	private static @Nullable RuntimeException sharedFailure;

	private final String endpoint;

	private final int port;

	private final @Nullable Path directory;

	private final @Nullable Path dataDir;

	/** The process whose end stops the emulator: this JVM, or another process in tests of the watchdog. */
	private final long watchedPid;

	private @Nullable EmulatorProcess process;

	private FauxqsEmulator(String endpoint, int port, @Nullable Path directory, @Nullable Path dataDir,
			long watchedPid) {
		this.endpoint = endpoint;
		this.port = port;
		this.directory = directory;
		this.dataDir = dataDir;
		this.watchedPid = watchedPid;
	}

	/**
	 * Returns the one emulator of this JVM, starting it on first use; it is stopped when the JVM exits. If an
	 * external endpoint is configured, nothing is started and the returned emulator points at that endpoint.
	 * @return the shared emulator
	 * @throws IllegalStateException if the emulator cannot be started (also on later calls)
	 */
	public static synchronized FauxqsEmulator shared() {
		if (shared == null) {
			if (sharedFailure != null) {
				throw new IllegalStateException("The shared fauxqs emulator failed to start earlier", sharedFailure);
			}
			try {
				String external = EmulatorSettings.setting(EmulatorSettings.ENDPOINT_PROPERTY, EmulatorSettings.ENDPOINT_ENV);
				shared = (external != null) ? external(external)
						: start(null, ProcessHandle.current().pid(), EmulatorSettings.fixedPort());
			}
			catch (RuntimeException ex) {
				sharedFailure = ex;
				throw ex;
			}
		}
		return shared;
	}

	/**
	 * Starts a new emulator, independent of the {@linkplain #shared() shared} one, that keeps its state in
	 * memory.
	 * @return the running emulator
	 * @throws IllegalStateException if the emulator cannot be installed or started
	 */
	public static FauxqsEmulator start() {
		return start(null);
	}

	/**
	 * Starts a new emulator, independent of the {@linkplain #shared() shared} one.
	 * @param dataDir the directory where the emulator keeps its state so that it survives a {@link #restart()},
	 * or {@code null} to keep it in memory
	 * @return the running emulator
	 * @throws IllegalStateException if the emulator cannot be installed or started
	 */
	public static FauxqsEmulator start(@Nullable Path dataDir) {
		return start(dataDir, ProcessHandle.current().pid());
	}

	/**
	 * Starts a new emulator that stops by itself when the given process is gone.
	 * @param dataDir the data directory, or {@code null} to keep the state in memory
	 * @param watchedPid the process whose end stops the emulator
	 * @return the running emulator
	 */
	static FauxqsEmulator start(@Nullable Path dataDir, long watchedPid) {
		return start(dataDir, watchedPid, 0);
	}

	/**
	 * Starts a new emulator on the given port, or on a free one when it is 0.
	 * @param dataDir the data directory, or {@code null} to keep the state in memory
	 * @param watchedPid the process whose end stops the emulator
	 * @param fixedPort the port, or 0 for a free one
	 * @return the running emulator
	 */
	static FauxqsEmulator start(@Nullable Path dataDir, long watchedPid, int fixedPort) {
		Path directory = FauxqsInstallation.locate();
		int port = (fixedPort != 0) ? fixedPort : EmulatorProcess.freePort("fauxqs");
		FauxqsEmulator emulator = new FauxqsEmulator("http://127.0.0.1:" + port, port, directory,
				(dataDir != null) ? dataDir.toAbsolutePath() : null, watchedPid);
		synchronized (emulator) {
			emulator.launch(false);
		}
		return emulator;
	}

	/**
	 * Stops the emulator process (SIGTERM, then a forcible kill after a few seconds); does nothing if it is not
	 * running.
	 * @throws IllegalStateException if this is an external endpoint
	 */
	public synchronized void stop() {
		requireLocal("stopped");
		EmulatorProcess current = this.process;
		this.process = null;
		if (current != null) {
			current.stop();
		}
	}

	/**
	 * Stops the emulator, if running, and starts it again on the same port with the same data directory.
	 * @throws IllegalStateException if this is an external endpoint or the emulator cannot be started
	 */
	public synchronized void restart() {
		requireLocal("restarted");
		stop();
		launch(true);
	}

	/**
	 * Tells whether the emulator process is running; always {@code true} for an external endpoint.
	 * @return whether the emulator is running
	 */
	public synchronized boolean isRunning() {
		EmulatorProcess current = this.process;
		return isExternal() || (current != null && current.isAlive());
	}

	/**
	 * Returns the endpoint URL that SNS and SQS clients should use, such as {@code http://127.0.0.1:4566}.
	 * @return the endpoint URL, without a trailing slash
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
	 * Tells whether this is an external endpoint that was configured rather than started.
	 * @return whether the endpoint is external
	 */
	public boolean isExternal() {
		return this.directory == null;
	}

	/**
	 * Returns the Spring properties that point Spring Cloud AWS at this endpoint: the endpoint, the region and
	 * static credentials. For an external endpoint the region comes from {@code AWS_REGION} (default
	 * {@code us-east-1}) and the {@code test} credentials are only given if {@code AWS_ACCESS_KEY_ID} is unset.
	 * @return the properties, by name
	 */
	@Override
	public Map<String, String> springProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.cloud.aws.endpoint", this.endpoint);
		String region = isExternal() ? System.getenv("AWS_REGION") : null;
		properties.put("spring.cloud.aws.region.static", EmulatorSettings.isBlank(region) ? DEFAULT_REGION : region);
		if (!isExternal() || EmulatorSettings.isBlank(System.getenv("AWS_ACCESS_KEY_ID"))) {
			properties.put("spring.cloud.aws.credentials.access-key", TEST_CREDENTIAL);
			properties.put("spring.cloud.aws.credentials.secret-key", TEST_CREDENTIAL);
		}
		return Collections.unmodifiableMap(properties);
	}

	@Override
	public String toString() {
		return "FauxqsEmulator[" + this.endpoint + (isExternal() ? ", external]" : "]");
	}

	private static FauxqsEmulator external(String endpoint) {
		String trimmed = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
		URI uri = URI.create(trimmed);
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw new IllegalStateException("The external SNS/SQS endpoint '" + endpoint + "' (" + EmulatorSettings.ENDPOINT_ENV
					+ " or -D" + EmulatorSettings.ENDPOINT_PROPERTY + ") is not an absolute URL such as http://localhost:4566");
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
		return new FauxqsEmulator(trimmed, port, null, null, ProcessHandle.current().pid());
	}

	private Path requireLocal(String action) {
		if (this.directory == null) {
			throw new IllegalStateException(
					"The external SNS/SQS endpoint " + this.endpoint + " cannot be " + action + " by the tests");
		}
		return this.directory;
	}

	private void launch(boolean appendLog) {
		Path dir = requireLocal("started");
		Path log = Path.of(System.getProperty("java.io.tmpdir"), "fauxqs-" + this.port + ".log");
		List<String> command = new ArrayList<>(List.of(FauxqsInstallation.nodeBinary(dir).toString(), dir.resolve("start.mjs").toString(),
				String.valueOf(this.port)));
		if (this.dataDir != null) {
			try {
				Files.createDirectories(this.dataDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not create the fauxqs data directory " + this.dataDir, ex);
			}
			command.add(this.dataDir.toString());
		}
		EmulatorProcess started = EmulatorProcess.start("fauxqs", command, dir, log, appendLog, this.watchedPid);
		started.awaitHealthy(URI.create(this.endpoint + "/health"), (response) -> response.statusCode() == 200
				&& response.body().replaceAll("\\s", "").contains("\"status\":\"ok\""), STARTUP_TIMEOUT);
		this.process = started;
	}

	/**
	 * Suspends the emulator process (SIGSTOP), as a broker that hangs: connections are still
	 * accepted by the kernel, but no call is answered until {@link #resume()}.
	 * @throws IllegalStateException if this is an external endpoint or the emulator is not running
	 */
	public synchronized void suspend() {
		signal("STOP");
	}

	/**
	 * Resumes a {@linkplain #suspend() suspended} emulator process (SIGCONT).
	 * @throws IllegalStateException if this is an external endpoint or the emulator is not running
	 */
	public synchronized void resume() {
		signal("CONT");
	}

	private void signal(String signal) {
		requireLocal("signalled");
		EmulatorProcess current = this.process;
		if (current == null || !current.isAlive()) {
			throw new IllegalStateException("fauxqs at " + this.endpoint + " is not running");
		}
		current.signal(signal);
	}

}
