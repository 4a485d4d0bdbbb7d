package dev.eventbus.failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own for a test that stops its database: created with
 * {@code initdb} in a temporary directory, run with {@code pg_ctl} on a free loopback port
 * (as the {@code postgres} OS user when the tests run as root, which PostgreSQL refuses), so
 * the shared PostgreSQL on 5432 is never touched. {@link #close()} stops it and deletes the
 * directory; every command is bounded in time.
 */
public final class PrivatePostgres implements AutoCloseable {

	private static final long COMMAND_SECONDS = 60;

	private final Path bin;

	private final Path dir;

	private final int port;

	private final boolean asPostgresUser;

	private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
		this.bin = bin;
		this.dir = dir;
		this.port = port;
		this.asPostgresUser = asPostgresUser;
	}

	/**
	 * Creates and starts a cluster with trust authentication for user {@code postgres}.
	 * @return the running cluster
	 */
	public static PrivatePostgres start() {
		boolean root = "root".equals(System.getProperty("user.name"));
		try {
			Path dir = Files.createTempDirectory("eventbus-pg-");
			PrivatePostgres postgres = new PrivatePostgres(binaries(), dir, freePort(), root);
			if (root) {
				postgres.run(List.of("chown", "postgres", dir.toString()), false);
			}
			postgres.run(List.of(postgres.bin.resolve("initdb").toString(), "-D", postgres.data(), "-A", "trust", "-U",
					"postgres", "-E", "UTF8", "--no-sync"), true);
			postgres.startServer();
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The JDBC URL of the cluster's {@code postgres} database.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	/**
	 * The PID of the running server (the postmaster), read from its PID file.
	 * @return the PID
	 */
	public long pid() {
		try {
			return Long.parseLong(Files.readAllLines(this.dir.resolve("data/postmaster.pid")).get(0).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The server is not running", ex);
		}
	}

	/** Starts the server and waits until it accepts connections. */
	public void startServer() {
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", data(), "-l", this.dir.resolve("server.log").toString(),
				"-o", "-p " + this.port + " -k " + this.dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w",
				"-t", "30", "start"), true);
	}

	/**
	 * Stops the server (fast shutdown: open connections are cut) and waits until its process
	 * {@link #pid() pid} has exited.
	 */
	public void stopServer() {
		long pid = pid();
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "-t", "30", "stop"), true);
		ProcessHandle.of(pid).ifPresent((process) -> process.onExit().orTimeout(30, TimeUnit.SECONDS).join());
	}

	/** Stops the server if it runs, by its PID if pg_ctl fails, and deletes the cluster. */
	@Override
	public void close() {
		if (Files.exists(this.dir.resolve("data/postmaster.pid"))) {
			long pid = pid();
			try {
				stopServer();
			}
			catch (RuntimeException ex) {
				ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
			}
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
	}

	private String data() {
		return this.dir.resolve("data").toString();
	}

	private void run(List<String> command, boolean asPostgres) {
		List<String> full = new ArrayList<>();
		if (asPostgres && this.asPostgresUser) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		try {
			// output to a file: the server started by pg_ctl must not hold a pipe of ours open
			Path log = Files.createTempFile("eventbus-pg-command-", ".log");
			Process process = new ProcessBuilder(full).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
				.start();
			if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", full));
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			Files.deleteIfExists(log);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"Failed (exit " + process.exitValue() + "): " + String.join(" ", full) + "\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + String.join(" ", full), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path binaries() {
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("pg_ctl")))
				.max(Comparator.naturalOrder())
				.orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries under /usr/lib/postgresql/*/bin"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No PostgreSQL binaries under /usr/lib/postgresql", ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
