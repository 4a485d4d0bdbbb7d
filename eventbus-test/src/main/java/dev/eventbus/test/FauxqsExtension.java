package dev.eventbus.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts the {@linkplain FauxqsEmulator#shared() shared} fauxqs emulator before a test
 * class (so a failing start fails the class before any Spring context is built) and resolves
 * {@link FauxqsEmulator} parameters. Applied through {@link EnableFauxqs}, which also points the class's Spring
 * test context at the emulator; it sets no system property.
 */
public final class FauxqsExtension implements BeforeAllCallback, ParameterResolver {

	/**
	 * Starts the shared emulator if it is not running yet.
	 * @param context the current extension context
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		FauxqsEmulator.shared();
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
