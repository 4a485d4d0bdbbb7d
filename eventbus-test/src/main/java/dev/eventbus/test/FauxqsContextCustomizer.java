package dev.eventbus.test;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds an {@link AwsConnectionDetails} bean that points Spring Cloud AWS's clients (endpoint, region,
 * credentials) at the {@linkplain FauxqsEmulator#shared() shared} emulator, as a testcontainers
 * {@code @ServiceConnection} does for a container. No property is set: the rest of the JVM (other test
 * classes) keeps its own {@code spring.cloud.aws.*} values, and in this context the connection details'
 * endpoint, region and credentials win over those properties (as with {@code @ServiceConnection}), while
 * every other setting of the test's {@code application.yml} applies. The bean is a fallback: an
 * {@code AwsConnectionDetails} bean of the application or the test (a LocalStack {@code @ServiceConnection},
 * another emulator) wins over it. All instances are equal, so two annotated test classes with the same
 * configuration share one cached context (an annotated and an unannotated class do not).
 */
final class FauxqsContextCustomizer implements ContextCustomizer {

	/** The name of the bean. */
	static final String BEAN_NAME = "fauxqsAwsConnectionDetails";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		if (!(context.getBeanFactory() instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("@EnableFauxqs needs a test application context whose bean factory is a "
					+ "BeanDefinitionRegistry, not " + context.getBeanFactory().getClass().getName());
		}
		RootBeanDefinition definition = new RootBeanDefinition(AwsConnectionDetails.class,
				() -> FauxqsEmulator.shared().connectionDetails());
		definition.setFallback(true);
		registry.registerBeanDefinition(BEAN_NAME, definition);
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
