package dev.eventbus.trace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.eventbus.test.EnableFauxqs;

/**
 * {@link TraceTests} with envelope delivery (SNS notifications), without Spring Cloud AWS's own observation of SQS listeners.
 */
@EnableFauxqs
@SpringBootTest(classes = TraceApplication.class,
		properties = { TraceTests.COMMON, "spring.application.name=it-trace-envelope", "eventbus.publish.topic-prefix=it-trace-envelope-",
				"eventbus.consume.raw-delivery=false", "spring.cloud.aws.sqs.observation-enabled=false" })
@DirtiesContext
class TraceEnvelopeIntegrationTests extends TraceTests {

}
