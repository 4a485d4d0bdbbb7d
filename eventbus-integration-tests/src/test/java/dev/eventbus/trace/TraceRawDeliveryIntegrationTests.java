package dev.eventbus.trace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.eventbus.test.EnableFauxqs;

/**
 * {@link TraceTests} with raw delivery, without Spring Cloud AWS's own observation of SQS listeners.
 */
@EnableFauxqs
@SpringBootTest(classes = TraceApplication.class,
		properties = { TraceTests.COMMON, "spring.application.name=it-trace-rawdelivery", "eventbus.publish.topic-prefix=it-trace-rawdelivery-",
				"eventbus.consume.raw-delivery=true", "spring.cloud.aws.sqs.observation-enabled=false" })
@DirtiesContext
class TraceRawDeliveryIntegrationTests extends TraceTests {

}
