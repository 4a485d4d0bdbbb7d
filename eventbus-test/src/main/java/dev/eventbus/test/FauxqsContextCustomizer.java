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
 * {@code @ServiceConnection} does for a container. No property is set, so the test's {@code application.yml}
 * and the rest of the JVM see their own {@code spring.cloud.aws.*} values. The bean is a fallback: an
 * {@code AwsConnectionDetails} bean of the application or the test (a LocalStack {@code @ServiceConnection},
 * another emulator) wins over it. All instances are equal, so the contexts of test classes that differ only in
 * being annotated stay shared in the context cache.
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
