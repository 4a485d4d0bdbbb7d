package dev.eventbus.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against the {@linkplain FauxqsEmulator#shared() shared} fauxqs SNS/SQS
 * emulator: it is started before the class (once per JVM) and its {@linkplain FauxqsEmulator#springProperties()
 * Spring properties} are set as system properties, so the Spring test context picks them up.
 * Test methods may also declare a {@link FauxqsEmulator} parameter.
 *
 * <pre>
 * &#64;SpringBootTest
 * &#64;EnableFauxqs
 * class OrderEventsTests {
 *
 * 	&#64;Test
 * 	void publishesOrderEvents(FauxqsEmulator emulator) {
 * 		// emulator.endpoint() is what the application's SNS and SQS clients talk to
 * 	}
 * }
 * </pre>
 *
 * @see FauxqsExtension
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FauxqsExtension.class)
public @interface EnableFauxqs {

}
