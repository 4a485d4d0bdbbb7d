package dev.eventbus.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives the Spring test context of every test class annotated with {@link EnableFauxqs} (also on a superclass or
 * an enclosing class) the {@link FauxqsContextCustomizer}. Registered in {@code META-INF/spring.factories}.
 */
final class FauxqsContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, EnableFauxqs.class) ? new FauxqsContextCustomizer()
				: null;
	}

}
