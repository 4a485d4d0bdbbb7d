package dev.eventbus.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Calls the {@code eventbus} Actuator endpoint of a running test application over HTTP, as a
 * user would with curl.
 */
final class EndpointClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	EndpointClient(ConfigurableApplicationContext context) {
		this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
				+ "/actuator/eventbus";
	}

	/** {@code GET /actuator/eventbus<path>}. */
	Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	/** {@code POST /actuator/eventbus<path>} with {@code Content-Type: application/json}, with a body or none. */
	Response post(String path, String body) {
		// as curl -X POST -H 'Content-Type: application/json' [-d body]: Actuator takes JSON only (415 otherwise)
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json");
		return send(request.POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body)));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: its status and body. */
	record Response(int status, String body) {

		/** The body as JSON. */
		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
