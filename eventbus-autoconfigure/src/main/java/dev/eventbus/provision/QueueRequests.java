package dev.eventbus.provision;

import java.util.List;

/**
 * The listener registrar's side of provisioning: {@link SnsSqsProvisioner} provisions what every
 * bean of this type asks for, and leaves it to such a bean to run the step (by calling
 * {@link SnsSqsProvisioner#provision()} once its own checks have passed). eventbus's listener
 * registrar is the one implementation; an application bean of this type must run the step too.
 */
@FunctionalInterface
public interface QueueRequests {

	/**
	 * What the listeners need, once all singletons exist.
	 * @return one request per listener
	 */
	List<QueueRequest> queueRequests();

}
