package dev.eventbus.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against the {@linkplain FauxqsEmulator#shared() shared} fauxqs SNS/SQS
 * emulator: it is installed on first use (into a cache outside the project) and started before the class (once
 * per JVM), and the class's Spring test context gets an {@code AwsConnectionDetails} bean (Spring Cloud AWS's
 * connection details: endpoint, region, credentials) that points its SNS and SQS clients at it. No property is
 * set, so other test classes keep their own {@code spring.cloud.aws.*} settings (in the annotated class the
 * connection details' endpoint, region and credentials win over those properties, as with
 * {@code @ServiceConnection});
 * an {@code AwsConnectionDetails} bean of the test's own (LocalStack through {@code @ServiceConnection},
 * {@link MotoServer#connectionDetails()}) wins over the emulator's. Test methods may also declare a
 * {@link FauxqsEmulator} parameter. The annotation is found on superclasses and enclosing classes too.
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
 * @see FauxqsEmulator
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FauxqsExtension.class)
public @interface EnableFauxqs {

}
