package dev.eventbus.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;

/**
 * An SNS/SQS endpoint that tests talk to: the {@link FauxqsEmulator}, a {@link MotoServer}, or any endpoint
 * given by its URL through {@link #of(String)}. {@link AwsTestClients} builds SDK clients for it.
 */
public interface SnsSqsEndpoint {

	/**
	 * Returns the endpoint URL that SNS and SQS clients should use.
	 * @return the endpoint URL, such as {@code http://127.0.0.1:4566}
	 */
	String endpoint();

	/**
	 * Returns the Spring properties that point Spring Cloud AWS at this endpoint:
	 * {@code spring.cloud.aws.endpoint}, {@code spring.cloud.aws.region.static} and, where the endpoint takes the
	 * emulators' static credentials, {@code spring.cloud.aws.credentials.access-key} and {@code secret-key}.
	 * @return the properties, by name
	 */
	Map<String, String> springProperties();

	/**
	 * Returns the same settings as {@link #springProperties()} as Spring Cloud AWS's connection details, for a
	 * test that points its context at this endpoint with a bean rather than with properties (a bean of its own
	 * wins over the one {@link EnableFauxqs} adds):
	 * <pre>
	 * &#64;Bean
	 * AwsConnectionDetails motoConnectionDetails() {
	 * 	return MotoServer.shared().connectionDetails();
	 * }
	 * </pre>
	 * @return the endpoint, the region and, where {@link #springProperties()} name them, static credentials
	 */
	default AwsConnectionDetails connectionDetails() {
		return EndpointConnectionDetails.of(this);
	}

	/**
	 * An emulator endpoint at the given URL, in the region {@code us-east-1} with the static credentials
	 * {@code test}/{@code test} (what fauxqs and moto accept).
	 * @param endpoint the endpoint URL
	 * @return the endpoint
	 */
	static SnsSqsEndpoint of(String endpoint) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.cloud.aws.endpoint", endpoint);
		properties.put("spring.cloud.aws.region.static", "us-east-1");
		properties.put("spring.cloud.aws.credentials.access-key", "test");
		properties.put("spring.cloud.aws.credentials.secret-key", "test");
		Map<String, String> unmodifiable = Collections.unmodifiableMap(properties);
		return new SnsSqsEndpoint() {

			@Override
			public String endpoint() {
				return endpoint;
			}

			@Override
			public Map<String, String> springProperties() {
				return unmodifiable;
			}

		};
	}

}
