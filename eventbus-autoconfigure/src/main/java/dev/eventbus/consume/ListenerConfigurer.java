package dev.eventbus.consume;

import io.awspring.cloud.sqs.listener.SqsContainerOptionsBuilder;

/**
 * Adjusts the Spring Cloud AWS container options of each {@link dev.eventbus.Listener} method,
 * one listener at a time. Every bean of this type is called, in {@code @Order}, once for each
 * listener, after eventbus has set its own options (concurrency, messages per poll, listener
 * and acknowledgement shutdown timeouts) and before the container starts, so a configurer can
 * replace them:
 * <pre class="code">
 * &#64;Bean
 * ListenerConfigurer slowInvoicing() {
 *     return (listener, options) -&gt; {
 *         if (listener.id().equals("invoicing")) {
 *             options.maxConcurrentMessages(1).maxMessagesPerPoll(1);
 *         }
 *     };
 * }
 * </pre>
 * The container's message listener and error handler stay eventbus's; a back-pressure handler
 * set here still pauses during outages.
 */
@FunctionalInterface
public interface ListenerConfigurer {

	/**
	 * Adjusts the options of one listener's container.
	 * @param listener the listener: id, channel, actions, method and queue
	 * @param options the container's options, with eventbus's settings applied
	 */
	void configure(ListenerInfo listener, SqsContainerOptionsBuilder options);

}
