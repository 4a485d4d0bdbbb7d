package dev.eventbus.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fauxqs emulator installed from the package files that ship in this jar
 * ({@code META-INF/eventbus/emulator/}: {@code package.json}, {@code package-lock.json},
 * {@code start.mjs}, copied at build time from the repository's one {@code emulator/} folder) into a
 * cache directory outside the project: {@code <root>/fauxqs-<hash of the package files>}, where the
 * root is {@code eventbus.test.emulator-cache} (system property), else {@code EVENTBUS_EMULATOR_CACHE},
 * else {@code $XDG_CACHE_HOME/eventbus}, else {@code ~/.cache/eventbus}. Projects and JVMs that use the
 * same eventbus-test version share one installation; another version of the files gets its own.
 * <p>
 * The first user installs it ({@code npm ci}) in a staging directory next to it and renames that into
 * place, holding a file lock ({@code fauxqs-<hash>.lock}) that makes the other JVMs wait: a directory
 * under the final name is always complete, and an interrupted install leaves only a staging
 * directory, which the next install removes.
 */
final class FauxqsCache {

	static final String CACHE_PROPERTY = "eventbus.test.emulator-cache";

	static final String CACHE_ENV = "EVENTBUS_EMULATOR_CACHE";

	/** Where the package files are on the class path. */
	static final String RESOURCES = "META-INF/eventbus/emulator/";

	static final List<String> FILES = List.of("package.json", "package-lock.json", "start.mjs");

	private static final Object INSTALL_MONITOR = new Object();

	private FauxqsCache() {
	}

	/**
	 * The cache root from the settings and the environment.
	 * @return the directory that holds the installations
	 */
	static Path root() {
		String configured = EmulatorSettings.setting(CACHE_PROPERTY, CACHE_ENV);
		if (configured != null) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path base = (xdg != null && !xdg.isBlank()) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("eventbus").toAbsolutePath().normalize();
	}

	/**
	 * The name of the installation of the package files on this machine's platform:
	 * {@code fauxqs-<version>-<os>-<cpu>}, so that machines of other platforms sharing a cache (a
	 * network home, a CI cache) each keep their own (npm installs one platform's Node package).
	 * @param files the package files by name
	 * @return the directory name
	 */
	static String directoryName(Map<String, byte[]> files) {
		return "fauxqs-" + version(files) + "-" + NodePlatform.current();
	}

	/**
	 * The installation of this jar's package files under the root, installed first if needed.
	 * @param root the cache root
	 * @return the installed emulator directory
	 * @throws IllegalStateException if the package files are missing or the install fails
	 */
	static Path installed(Path root) {
		Map<String, byte[]> files = packageFiles();
		String name = directoryName(files);
		Path dir = root.resolve(name);
		if (isComplete(dir)) {
			return dir;
		}
		// The monitor guards this JVM's threads, the file lock other JVMs (other projects, test forks).
		synchronized (INSTALL_MONITOR) {
			Path lockFile = root.resolve(name + ".lock");
			try {
				Files.createDirectories(root);
				try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
					channel.lock(); // released when the channel closes
					if (!isComplete(dir)) {
						install(root, name, files);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not install fauxqs into the cache " + dir + " (lock " + lockFile
						+ "); set -D" + CACHE_PROPERTY + " or " + CACHE_ENV + " to a writable directory", ex);
			}
		}
		return dir;
	}

	private static void install(Path root, String name, Map<String, byte[]> files) throws IOException {
		Path dir = root.resolve(name);
		try (Stream<Path> leftovers = Files.list(root)) {
			// staging directories of installs that died; only one install of a name runs at a time (the lock)
			for (Path leftover : leftovers.filter((path) -> path.getFileName().toString().startsWith(name + ".installing-")).toList()) {
				deleteRecursively(leftover);
			}
		}
		if (Files.exists(dir)) {
			deleteRecursively(dir); // not complete: an older layout or a broken copy
		}
		Path staging = Files.createTempDirectory(root, name + ".installing-");
		try {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				Files.write(staging.resolve(file.getKey()), file.getValue());
			}
			FauxqsInstallation.npmCi(staging);
			Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			if (Files.exists(staging)) {
				deleteRecursively(staging);
			}
		}
	}

	private static boolean isComplete(Path dir) {
		return Files.isRegularFile(dir.resolve("start.mjs")) && FauxqsInstallation.isInstalled(dir);
	}

	/**
	 * Reads the package files from the class path.
	 * @return their contents by file name, in {@link #FILES} order
	 */
	static Map<String, byte[]> packageFiles() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		ClassLoader loader = FauxqsCache.class.getClassLoader();
		for (String file : FILES) {
			try (InputStream in = loader.getResourceAsStream(RESOURCES + file)) {
				if (in == null) {
					throw new IllegalStateException("The fauxqs package file " + RESOURCES + file
							+ " is not on the class path: the eventbus-test jar is incomplete");
				}
				files.put(file, in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read " + RESOURCES + file + " from the class path", ex);
			}
		}
		return files;
	}

	/**
	 * The version of a set of package files: the first 16 hex digits of a SHA-256 over their names
	 * and contents, so any change to the pinned packages or the start script gets a new directory.
	 * @param files the package files by name
	 * @return the version
	 */
	static String version(Map<String, byte[]> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			files.forEach((file, content) -> {
				digest.update(file.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(content);
				digest.update((byte) 0);
			});
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
