package dev.eventbus.failure.awsout;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The application of the AWS outage test: its listener forwards every event to a queue of
 * another AWS endpoint (an AWS service the handler depends on, with a client of its own).
 */
@SpringBootApplication
public class AwsOutageApp {

	@Bean(destroyMethod = "close")
	SqsClient downstream(@Value("${test.downstream.endpoint}") String endpoint) {
		return SqsClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.overrideConfiguration((config) -> config.apiCallTimeout(Duration.ofSeconds(1)))
			.build();
	}

}
