package dev.eventbus.provision;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * An SNS client that knows topics and counts the calls that list or create them; every other
 * call is unsupported.
 */
final class FakeSns implements SnsClient {

	final Map<String, Map<String, String>> topics = new ConcurrentHashMap<>();

	final AtomicInteger listCalls = new AtomicInteger();

	final AtomicInteger createCalls = new AtomicInteger();

	static String arn(String name) {
		return "arn:aws:sns:us-east-1:000000000000:" + name;
	}

	FakeSns with(String... names) {
		for (String name : names) {
			this.topics.put(name, Map.of());
		}
		return this;
	}

	@Override
	public ListTopicsResponse listTopics(ListTopicsRequest request) {
		this.listCalls.incrementAndGet();
		List<Topic> all = this.topics.keySet().stream().map((name) -> Topic.builder().topicArn(arn(name)).build()).toList();
		return ListTopicsResponse.builder().topics(all).build();
	}

	@Override
	public CreateTopicResponse createTopic(CreateTopicRequest request) {
		this.createCalls.incrementAndGet();
		this.topics.putIfAbsent(request.name(), request.attributes());
		return CreateTopicResponse.builder().topicArn(arn(request.name())).build();
	}

	@Override
	public String serviceName() {
		return SERVICE_NAME;
	}

	@Override
	public void close() {
	}

}
