package dev.eventbus.provision;

import java.util.List;

/**
 * A bean whose listeners need queues: {@link SnsSqsProvisioner} provisions what every such bean
 * asks for.
 */
@FunctionalInterface
public interface QueueRequests {

	/**
	 * What the listeners need, once all singletons exist.
	 * @return one request per listener
	 */
	List<QueueRequest> queueRequests();

}
