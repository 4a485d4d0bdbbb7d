package dev.eventbus.actuate;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.eventbus.failure.TestApps;
import dev.eventbus.failure.TestSchema;
import dev.eventbus.test.SnsSqsEndpoint;

import static dev.eventbus.actuate.EndpointJson.listener;
import static dev.eventbus.actuate.EndpointJson.statement;
import static dev.eventbus.actuate.EndpointJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 5: print mode. The application is started in a JVM of its own with
 * {@code eventbus.topology.print=true} and its SNS/SQS endpoint pointed at a closed port: it
 * starts without calling AWS (a call would fail its start-up: in {@code create} mode with
 * listeners, provisioning is the first thing that talks to AWS), prints the topology as JSON,
 * nothing else, on standard output and exits with status 0.
 */
class TopologyPrintIntegrationTests {

	private static final String APP = "ep-print";

	@Test
	void printModeMakesNoAwsCallPrintsTheTopologyAsJsonAndExitsWithZero(@TempDir Path dir)
			throws IOException, InterruptedException {
		// no emulator: an endpoint nothing listens on
		Map<String, String> properties = TestApps.properties(SnsSqsEndpoint.of("http://127.0.0.1:" + closedPort()),
				TestSchema.fresh("ep_print"), APP);
		properties.put("eventbus.topology.print", "true");
		properties.put("eventbus.topology.account-id", "123456789012");
		properties.put("spring.cloud.aws.region.static", "eu-west-1");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), EndpointApp.class.getName()));
		command.addAll(List.of(TestApps.args(properties)));
		Path out = dir.resolve("out.json");
		Path err = dir.resolve("err.txt");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("print mode exits").isTrue();
		String printed = Files.readString(out, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as("exit status; stdout:%n%s%nstderr:%n%s", printed, Files.readString(err))
			.isZero();

		JsonNode topology = JsonMapper.builder().build().readTree(printed);
		assertThat(topology.get("region").asString()).isEqualTo("eu-west-1");
		assertThat(topology.get("accountId").asString()).isEqualTo("123456789012");
		assertThat(topology.get("topics").valueStream().map((topic) -> topic.get("arn").asString())).containsExactly(
				"arn:aws:sns:eu-west-1:123456789012:" + APP + "-Ledger",
				"arn:aws:sns:eu-west-1:123456789012:" + APP + "-Refund");
		JsonNode all = listener(topology, "ledger-all");
		assertThat(all.get("queue").get("name").asString()).isEqualTo(APP + "-ledger-all");
		assertThat(all.get("deadLetterQueue").get("arn").asString())
			.isEqualTo("arn:aws:sqs:eu-west-1:123456789012:" + APP + "-ledger-all-dlq");
		assertThat(strings(all.get("subscription").get("attributes").get("FilterPolicy").get("action")))
			.containsExactly("created", "updated", "deleted");
		JsonNode create = topology.get("iam").get("create");
		assertThat(strings(statement(create, "EventbusCreateQueues").get("Resource"))).contains(
				"arn:aws:sqs:eu-west-1:123456789012:" + APP + "-ledger-all",
				"arn:aws:sqs:eu-west-1:123456789012:" + APP + "-ledger-deletes-dlq");
	}

	/** A port nothing listens on. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
