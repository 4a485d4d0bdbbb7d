package dev.eventbus.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs the annotated Spring test class with in-memory delivery instead of SNS and SQS: the same as
 * setting {@code eventbus.test.delivery=in-memory}. Entity changes are still captured and written
 * to the outbox in the transaction, and the relay still reads them after the commit; it hands them
 * to the {@link dev.eventbus.Listener} methods in the same JVM, which are run by the same rules as
 * in production (envelope, binding, action filter, poison, retries, inbox). No emulator is started
 * and no SNS or SQS client is created. Dead letters are kept in the
 * {@link dev.eventbus.test.inmemory.InMemoryDelivery} bean.
 *
 * <pre>
 * &#64;SpringBootTest
 * &#64;InMemoryEventBus
 * class InvoiceListenerTests {
 *
 * 	&#64;Autowired InMemoryDelivery delivery;
 * 	...
 * }
 * </pre>
 *
 * @see dev.eventbus.test.inmemory.InMemoryDelivery
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestPropertySource(properties = "eventbus.test.delivery=in-memory")
public @interface InMemoryEventBus {

}
