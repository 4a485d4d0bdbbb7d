package dev.eventbus.test;

import java.nio.file.Path;

/**
 * Installs the emulator into the cache root given as the argument and prints the installed directory: the
 * other JVM of {@link FauxqsCacheTests#twoJvmsInstallingAtOnceShareOneInstallation}.
 */
final class CacheInstallMain {

	private CacheInstallMain() {
	}

	public static void main(String[] args) {
		System.out.println(FauxqsCache.installed(Path.of(args[0])));
	}

}
