package dev.eventbus.test;

import java.net.URI;
import java.util.Map;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import org.jspecify.annotations.Nullable;

/**
 * The {@link AwsConnectionDetails} of an {@link SnsSqsEndpoint}, taken from its Spring properties: the endpoint,
 * the region and, where it names them, static credentials (without them Spring Cloud AWS uses its credentials
 * chain, as {@code spring.cloud.aws.credentials.*} would).
 */
record EndpointConnectionDetails(URI endpoint, @Nullable String region, @Nullable String accessKey,
		@Nullable String secretKey) implements AwsConnectionDetails {

	static EndpointConnectionDetails of(SnsSqsEndpoint endpoint) {
		Map<String, String> properties = endpoint.springProperties();
		return new EndpointConnectionDetails(URI.create(endpoint.endpoint()),
				properties.get("spring.cloud.aws.region.static"),
				properties.get("spring.cloud.aws.credentials.access-key"),
				properties.get("spring.cloud.aws.credentials.secret-key"));
	}

	@Override
	public URI getEndpoint() {
		return this.endpoint;
	}

	@Override
	public @Nullable String getRegion() {
		return this.region;
	}

	@Override
	public @Nullable String getAccessKey() {
		return this.accessKey;
	}

	@Override
	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	@Override
	public String toString() {
		// never the secret key
		return "AwsConnectionDetails[" + this.endpoint + ", region " + this.region + "]";
	}

}
