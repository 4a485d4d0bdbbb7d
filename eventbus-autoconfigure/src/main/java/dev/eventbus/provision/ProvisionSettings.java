package dev.eventbus.provision;

import java.time.Duration;

/**
 * What eventbus provisions, and with which attributes.
 *
 * @param mode create, validate or none
 * @param fifo whether topics and queues are FIFO
 * @param maxReceiveCount deliveries before a message goes to the dead-letter queue
 * @param visibilityTimeout the queues' visibility timeout
 * @param deadLetterRetention how long dead letters are kept
 * @param rawDelivery whether subscriptions use SNS raw message delivery
 * @param messageRetention how long unconsumed messages stay in a listener queue
 */
public record ProvisionSettings(ProvisionMode mode, boolean fifo, int maxReceiveCount, Duration visibilityTimeout,
		Duration deadLetterRetention, boolean rawDelivery, Duration messageRetention) {
}
