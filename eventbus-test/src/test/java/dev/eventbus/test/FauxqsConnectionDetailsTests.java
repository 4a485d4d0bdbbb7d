package dev.eventbus.test;

import java.net.URI;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code AwsConnectionDetails} that {@link EnableFauxqs} gives a Spring test context
 * ({@link FauxqsContextCustomizer}): Spring Cloud AWS's clients reach the emulator, the properties of the
 * application are left as they are, and a connection-details bean of the test's own wins.
 */
@EnableFauxqs
@SpringBootTest(classes = FauxqsConnectionDetailsTests.SnsApplication.class,
		properties = { "spring.cloud.aws.endpoint=http://127.0.0.1:9/from-application-yml",
				"spring.cloud.aws.region.static=eu-west-3", "spring.cloud.aws.credentials.access-key=from-yml",
				"spring.cloud.aws.credentials.secret-key=from-yml" })
class FauxqsConnectionDetailsTests {

	@Autowired
	ApplicationContext context;

	@Test
	void springCloudAwsClientsTalkToTheEmulator(FauxqsEmulator emulator) {
		String topicArn = this.context.getBean(SnsClient.class)
			.createTopic((request) -> request.name("connection-details-test"))
			.topicArn();

		try (SnsClient direct = AwsTestClients.sns(emulator)) {
			assertThat(Topics.arn(direct, "connection-details-test")).isEqualTo(topicArn);
		}
		assertThat(topicArn).startsWith("arn:aws:sns:us-east-1:");
	}

	@Test
	void connectionDetailsNameTheEmulatorAndTheApplicationsPropertiesStayAsTheyAre(FauxqsEmulator emulator) {
		AwsConnectionDetails details = this.context.getBean(AwsConnectionDetails.class);

		assertThat(details.getEndpoint()).isEqualTo(URI.create(emulator.endpoint()));
		assertThat(details.getRegion()).isEqualTo("us-east-1");
		assertThat(details.getAccessKey()).isEqualTo("test");
		assertThat(details.getSecretKey()).isEqualTo("test");
		assertThat(details.toString()).as("no secret key").contains(emulator.endpoint()).doesNotContain("test");
		Environment environment = this.context.getEnvironment();
		assertThat(environment.getProperty("spring.cloud.aws.endpoint"))
			.isEqualTo("http://127.0.0.1:9/from-application-yml");
		assertThat(environment.getProperty("spring.cloud.aws.region.static")).isEqualTo("eu-west-3");
		assertThat(System.getProperty("spring.cloud.aws.endpoint")).isNull();
	}

	@Nested
	@SpringBootTest(classes = { SnsApplication.class, OwnConnection.class })
	class WithConnectionDetailsOfItsOwn {

		@Autowired
		ApplicationContext nestedContext;

		@Test
		void theTestsOwnConnectionDetailsWin() {
			assertThat(this.nestedContext.getBean(AwsConnectionDetails.class).getEndpoint())
				.isEqualTo(OwnConnection.ENDPOINT);
			assertThat(this.nestedContext.getBeansOfType(AwsConnectionDetails.class))
				.containsKey(FauxqsContextCustomizer.BEAN_NAME)
				.hasSize(2);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AwsAutoConfiguration.class, RegionProviderAutoConfiguration.class,
			CredentialsProviderAutoConfiguration.class, SnsAutoConfiguration.class })
	static class SnsApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConnection {

		static final URI ENDPOINT = URI.create("http://127.0.0.1:9/own");

		@Bean
		AwsConnectionDetails ownConnectionDetails() {
			return new AwsConnectionDetails() {

				@Override
				public URI getEndpoint() {
					return ENDPOINT;
				}

				@Override
				public String getRegion() {
					return "eu-west-3";
				}

			};
		}

	}

}
