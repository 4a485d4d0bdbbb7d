package dev.eventbus.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts the {@linkplain FauxqsEmulator#shared() shared} fauxqs emulator before a test
 * class, exposes its {@linkplain FauxqsEmulator#springProperties() Spring properties} as system properties (unless
 * already set) and resolves {@link FauxqsEmulator} parameters. Usually applied through {@link EnableFauxqs}.
 */
public final class FauxqsExtension implements BeforeAllCallback, ParameterResolver {

	/**
	 * Starts the shared emulator if needed and sets each of its Spring properties as a system property, unless
	 * that system property is already set.
	 * @param context the current extension context
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		FauxqsEmulator.shared().springProperties().forEach((name, value) -> {
			if (System.getProperty(name) == null) {
				System.setProperty(name, value);
			}
		});
	}

	/**
	 * Supports parameters of type {@link FauxqsEmulator}.
	 * @param parameterContext the parameter to resolve
	 * @param extensionContext the current extension context
	 * @return whether the parameter is a {@link FauxqsEmulator}
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == FauxqsEmulator.class;
	}

	/**
	 * Resolves a {@link FauxqsEmulator} parameter to the shared emulator.
	 * @param parameterContext the parameter to resolve
	 * @param extensionContext the current extension context
	 * @return the shared emulator
	 */
	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return FauxqsEmulator.shared();
	}

}
