package dev.eventbus.provision;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The start-up step that provisions (or, in {@code validate} and {@code none} mode, checks)
 * everything eventbus needs: the topic of every published channel, then the queue, dead-letter
 * queue and subscription of every listener, reporting everything missing in one
 * {@link MissingResourcesException}. It runs once all singletons exist, once: where a listener
 * registrar runs (listeners are enabled), when the registrar calls {@link #provision()} after its
 * own checks; else by itself. In {@code none} mode without a listener registrar the published
 * channels' topics are not looked up at start-up (the relay looks a topic up when it first
 * publishes to it, and waits for a missing one).
 */
public final class SnsSqsProvisioner implements SmartInitializingSingleton {

	private final CachingTopicResolver topics;

	private final QueueProvisioner queues;

	private final ProvisionMode mode;

	private final BooleanSupplier registrar;

	private final Supplier<? extends Collection<String>> publishedChannels;

	private final Supplier<? extends List<QueueRequest>> listeners;

	private @Nullable Map<String, ListenerQueue> provisioned;

	/**
	 * Creates the start-up step.
	 * @param topics provisions (and remembers) this application's topics
	 * @param queues provisions the listeners' queues and subscriptions
	 * @param mode the provisioning mode
	 * @param publishedChannels the channels this application publishes, asked when the step runs
	 * @param listeners what the listeners need, asked when the step runs
	 * @param registrar whether a listener registrar runs the step (asked once all singletons
	 * exist)
	 */
	public SnsSqsProvisioner(CachingTopicResolver topics, QueueProvisioner queues, ProvisionMode mode,
			Supplier<? extends Collection<String>> publishedChannels, Supplier<? extends List<QueueRequest>> listeners,
			BooleanSupplier registrar) {
		this.topics = topics;
		this.queues = queues;
		this.mode = mode;
		this.publishedChannels = publishedChannels;
		this.listeners = listeners;
		this.registrar = registrar;
	}

	/** Runs the step unless it has run; throws {@link MissingResourcesException} naming everything missing. */
	private synchronized Map<String, ListenerQueue> provisioned() {
		if (this.provisioned != null) {
			return this.provisioned;
		}
		Set<String> missing = new LinkedHashSet<>();
		if (this.mode != ProvisionMode.NONE || this.registrar.getAsBoolean()) {
			for (String channel : this.publishedChannels.get()) {
				try {
					this.topics.topicArn(channel);
				}
				catch (MissingResourcesException ex) {
					missing.addAll(ex.getMissing());
				}
			}
		}
		Map<String, ListenerQueue> result = new LinkedHashMap<>();
		for (QueueRequest request : this.listeners.get()) {
			try {
				result.put(request.listenerId(), this.queues.provision(request));
			}
			catch (MissingResourcesException ex) {
				missing.addAll(ex.getMissing());
			}
		}
		if (!missing.isEmpty()) {
			throw new MissingResourcesException(List.copyOf(missing), this.mode);
		}
		this.provisioned = Map.copyOf(result);
		return this.provisioned;
	}

	/**
	 * The provisioned queue of a listener; runs the step first if it has not run.
	 * @param listenerId the listener id of a {@link QueueRequest}
	 * @return its queue
	 * @throws MissingResourcesException naming every missing resource (not in {@code create} mode)
	 */
	public ListenerQueue queue(String listenerId) {
		ListenerQueue queue = provisioned().get(listenerId);
		if (queue == null) {
			throw new IllegalStateException("No queue was requested for listener '" + listenerId + "'");
		}
		return queue;
	}

	/**
	 * Runs the step, unless it has run.
	 * @throws MissingResourcesException naming every missing resource (not in {@code create} mode)
	 */
	public void provision() {
		provisioned();
	}

	/**
	 * Runs the step where no listener registrar does.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		if (!this.registrar.getAsBoolean()) {
			provisioned();
		}
	}

}
