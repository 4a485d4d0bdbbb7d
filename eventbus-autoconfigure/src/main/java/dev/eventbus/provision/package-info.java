/**
 * Creation and validation of the SNS topics, SQS queues, dead-letter queues, subscriptions
 * and queue policies, and the naming strategy that turns channels and listeners into names.
 */
@NullMarked
package dev.eventbus.provision;

import org.jspecify.annotations.NullMarked;
