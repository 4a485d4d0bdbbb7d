package dev.eventbus.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import dev.eventbus.provision.AwsAccount;
import dev.eventbus.provision.QueueRequest;
import dev.eventbus.provision.Topology;
import dev.eventbus.provision.TopologyBuilder;

/**
 * The application's {@link Topology}, computed when asked from what the application publishes
 * and what its listener methods need. ARNs name the configured account and region, else those of
 * an ARN this instance has resolved (none in print mode), else placeholders.
 */
final class TopologySource implements Supplier<Topology> {

	private final TopologyBuilder builder;

	private final Supplier<? extends Collection<String>> publishedChannels;

	private final Supplier<List<QueueRequest>> listeners;

	private final AwsAccount configured;

	private final Supplier<List<String>> knownArns;

	TopologySource(TopologyBuilder builder, Supplier<? extends Collection<String>> publishedChannels,
			Supplier<List<QueueRequest>> listeners, AwsAccount configured, Supplier<List<String>> knownArns) {
		this.builder = builder;
		this.publishedChannels = publishedChannels;
		this.listeners = listeners;
		this.configured = configured;
		this.knownArns = knownArns;
	}

	@Override
	public Topology get() {
		AwsAccount account = this.configured;
		for (String arn : this.knownArns.get()) {
			if (account.complete()) {
				break;
			}
			account = account.orFrom(arn);
		}
		return this.builder.build(this.publishedChannels.get(), this.listeners.get(), account);
	}

}
