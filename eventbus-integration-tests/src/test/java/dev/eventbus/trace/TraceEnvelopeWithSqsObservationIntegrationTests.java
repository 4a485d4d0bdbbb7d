package dev.eventbus.trace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.eventbus.test.EnableFauxqs;

/**
 * {@link TraceTests} with envelope delivery (SNS notifications), with Spring Cloud AWS's own observation of SQS listeners.
 */
@EnableFauxqs
@SpringBootTest(classes = TraceApplication.class,
		properties = { TraceTests.COMMON, "spring.application.name=it-trace-envelope-sqsobs", "eventbus.publish.topic-prefix=it-trace-envelope-sqsobs-",
				"eventbus.consume.raw-delivery=false", "spring.cloud.aws.sqs.observation-enabled=true" })
@DirtiesContext
class TraceEnvelopeWithSqsObservationIntegrationTests extends TraceTests {

}
