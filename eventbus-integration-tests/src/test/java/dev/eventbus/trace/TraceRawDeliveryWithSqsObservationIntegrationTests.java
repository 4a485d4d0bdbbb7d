package dev.eventbus.trace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.eventbus.test.EnableFauxqs;

/**
 * {@link TraceTests} with raw delivery, with Spring Cloud AWS's own observation of SQS listeners.
 */
@EnableFauxqs
@SpringBootTest(classes = TraceApplication.class,
		properties = { TraceTests.COMMON, "spring.application.name=it-trace-rawdelivery-sqsobs", "eventbus.publish.topic-prefix=it-trace-rawdelivery-sqsobs-",
				"eventbus.consume.raw-delivery=true", "spring.cloud.aws.sqs.observation-enabled=true" })
@DirtiesContext
class TraceRawDeliveryWithSqsObservationIntegrationTests extends TraceTests {

}
