package dev.eventbus.failure.awsout;

import java.util.Map;

import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.failure.Deliveries;
import dev.eventbus.failure.Delivery;

/** Forwards every letter event to the downstream queue, then records it. */
@Component
public class LetterForwarder {

	private final SqsClient downstream;

	private final String queueName;

	private final Deliveries<Delivery> forwarded = new Deliveries<>();

	private volatile String queueUrl;

	public LetterForwarder(SqsClient downstream, @Value("${test.downstream.queue}") String queueName) {
		this.downstream = downstream;
		this.queueName = queueName;
	}

	@Listener("Letter")
	void forward(EntityEvent<Map<String, Object>> event) {
		String url = this.queueUrl;
		if (url == null) {
			url = this.downstream.getQueueUrl((request) -> request.queueName(this.queueName)).queueUrl();
			this.queueUrl = url;
		}
		String target = url;
		this.downstream.sendMessage((request) -> request.queueUrl(target).messageBody(event.eventId()));
		this.forwarded.add(Delivery.of(event));
	}

	/** The events forwarded. */
	public Deliveries<Delivery> forwarded() {
		return this.forwarded;
	}

}
