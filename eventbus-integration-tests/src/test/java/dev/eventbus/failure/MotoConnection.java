package dev.eventbus.failure;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.eventbus.test.MotoServer;

/**
 * Points the Spring test context of a moto subclass of an {@code @EnableFauxqs} test class at moto:
 * {@code @Import(MotoConnection.class)}. Its {@link AwsConnectionDetails} wins over the fauxqs one that
 * {@code @EnableFauxqs} adds (a fallback bean).
 */
@TestConfiguration(proxyBeanMethods = false)
public class MotoConnection {

	@Bean
	AwsConnectionDetails motoConnectionDetails() {
		return MotoServer.shared().connectionDetails();
	}

}
