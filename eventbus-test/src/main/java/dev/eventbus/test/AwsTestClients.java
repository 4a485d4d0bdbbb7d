package dev.eventbus.test;

import java.net.URI;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SNS and SQS clients of the tests' own for an {@link SnsSqsEndpoint} (the running {@link FauxqsEmulator} or
 * {@link MotoServer}), configured as its {@linkplain SnsSqsEndpoint#springProperties() Spring properties} configure
 * the application's: the same endpoint, region and credentials (the default credentials chain where the
 * properties name none). Useful beside a Spring context (to look at queues and topics without its clients) and
 * after it is closed. The caller closes the clients.
 *
 * <pre>
 * try (SqsAsyncClient sqs = AwsTestClients.sqsAsync(FauxqsEmulator.shared())) {
 * 	String url = Queues.url(sqs, "orders-billing");
 * 	await().until(() -&gt; Queues.depth(sqs, url) == 0);
 * }
 * </pre>
 */
public final class AwsTestClients {

	private AwsTestClients() {
	}

	/**
	 * A synchronous SNS client for the endpoint.
	 * @param endpoint the endpoint
	 * @return a new client
	 */
	public static SnsClient sns(SnsSqsEndpoint endpoint) {
		return configure(SnsClient.builder(), endpoint).build();
	}

	/**
	 * A synchronous SQS client for the endpoint.
	 * @param endpoint the endpoint
	 * @return a new client
	 */
	public static SqsClient sqs(SnsSqsEndpoint endpoint) {
		return configure(SqsClient.builder(), endpoint).build();
	}

	/**
	 * An asynchronous SQS client for the endpoint, the kind Spring Cloud AWS listeners use.
	 * @param endpoint the endpoint
	 * @return a new client
	 */
	public static SqsAsyncClient sqsAsync(SnsSqsEndpoint endpoint) {
		return configure(SqsAsyncClient.builder(), endpoint).build();
	}

	/**
	 * Points any AWS SDK client builder at the endpoint (endpoint override, region, credentials), for clients
	 * that need more settings, such as a call timeout.
	 * @param <B> the builder type
	 * @param builder the builder
	 * @param endpoint the endpoint
	 * @return the builder
	 */
	public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, SnsSqsEndpoint endpoint) {
		Map<String, String> properties = endpoint.springProperties();
		return builder.endpointOverride(URI.create(endpoint.endpoint()))
			.region(Region.of(properties.getOrDefault("spring.cloud.aws.region.static", "us-east-1")))
			.credentialsProvider(credentials(properties));
	}

	private static AwsCredentialsProvider credentials(Map<String, String> properties) {
		String accessKey = properties.get("spring.cloud.aws.credentials.access-key");
		String secretKey = properties.get("spring.cloud.aws.credentials.secret-key");
		if (accessKey == null || secretKey == null) {
			return DefaultCredentialsProvider.builder().build();
		}
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
	}

}
