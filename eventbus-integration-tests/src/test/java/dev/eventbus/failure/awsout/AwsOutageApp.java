package dev.eventbus.failure.awsout;

import java.time.Duration;

import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.eventbus.test.AwsTestClients;
import dev.eventbus.test.SnsSqsEndpoint;

/**
 * The application of the AWS outage test: its listener forwards every event to a queue of
 * another AWS endpoint (an AWS service the handler depends on, with a client of its own).
 */
@SpringBootApplication
public class AwsOutageApp {

	@Bean(destroyMethod = "close")
	SqsClient downstream(@Value("${test.downstream.endpoint}") String endpoint) {
		return AwsTestClients.configure(SqsClient.builder(), SnsSqsEndpoint.of(endpoint))
			.overrideConfiguration((config) -> config.apiCallTimeout(Duration.ofSeconds(1)))
			.build();
	}

}
