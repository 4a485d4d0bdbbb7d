package dev.eventbus.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where the fauxqs emulator's files are and their installation: by default the {@linkplain FauxqsCache cache}
 * installed from the package files in this jar; with {@code eventbus.emulator.dir} (or
 * {@code EVENTBUS_EMULATOR_DIR}) an emulator directory of your own (holding {@code start.mjs} and
 * {@code package.json}, such as the repository's {@code emulator/} while changing its files), whose npm packages
 * are installed in place with {@code npm ci} when missing, once across the threads of this JVM and the JVMs
 * sharing the directory.
 */
final class FauxqsInstallation {

	private static final String DIR_PROPERTY = "eventbus.emulator.dir";

	private static final String DIR_ENV = "EVENTBUS_EMULATOR_DIR";

	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

	private static final Object INSTALL_MONITOR = new Object();

	private FauxqsInstallation() {
	}

	/**
	 * The installed emulator directory to run.
	 * @return the directory holding {@code start.mjs} and {@code node_modules}
	 */
	static Path locate() {
		String configured = EmulatorSettings.setting(DIR_PROPERTY, DIR_ENV);
		if (configured == null) {
			return FauxqsCache.installed(FauxqsCache.root());
		}
		Path dir = Path.of(configured).toAbsolutePath().normalize();
		if (!Files.isRegularFile(dir.resolve("start.mjs")) || !Files.isRegularFile(dir.resolve("package.json"))) {
			throw new IllegalStateException("The fauxqs emulator directory " + dir + " (from -D" + DIR_PROPERTY
					+ " or " + DIR_ENV + ") does not contain start.mjs and package.json");
		}
		installIfNeeded(dir);
		return dir;
	}

	static Path nodeBinary(Path dir) {
		return NodePlatform.binary(dir);
	}

	static boolean isInstalled(Path dir) {
		return Files.isDirectory(dir.resolve("node_modules/fauxqs")) && Files.isExecutable(nodeBinary(dir));
	}

	private static void installIfNeeded(Path dir) {
		if (isInstalled(dir)) {
			return;
		}
		synchronized (INSTALL_MONITOR) {
			Path lockFile = dir.resolve(".install.lock");
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
				channel.lock(); // released when the channel closes
				if (!isInstalled(dir)) {
					npmCi(dir);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not lock " + lockFile + " to install fauxqs", ex);
			}
		}
	}

	/**
	 * Runs {@code npm ci} in a directory holding the package files, and checks that it installed fauxqs and
	 * this platform's Node binary.
	 * @param dir the directory
	 * @throws IllegalStateException if npm cannot be run, fails or times out
	 */
	static void npmCi(Path dir) {
		// in the installation's own directory: one log per install, writable by whoever installs
		Path log = dir.resolve("npm-ci.log");
		// --include=optional: the Node binary is an optional package, which an .npmrc may omit
		String command = "npm ci --no-audit --no-fund --include=optional";
		try {
			Process npm = new ProcessBuilder(command.split(" ")).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!npm.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				npm.destroyForcibly();
				throw new IllegalStateException("'" + command + "' in " + dir + " did not finish within "
						+ INSTALL_TIMEOUT.toMinutes() + " min; " + EmulatorProcess.logTail(log));
			}
			if (npm.exitValue() != 0 || !isInstalled(dir)) {
				throw new IllegalStateException("'" + command + "' in " + dir + " failed (exit code "
						+ npm.exitValue() + "); " + EmulatorProcess.logTail(log));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("fauxqs is not installed in " + dir + " and '" + command
					+ "' could not be run there (is npm on the PATH?): " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while installing fauxqs in " + dir, ex);
		}
	}

}
