package dev.eventbus.consume;

import java.util.List;

import io.awspring.cloud.sqs.MessageHeaderUtils;
import io.awspring.cloud.sqs.listener.ContainerComponentFactory;
import io.awspring.cloud.sqs.listener.FifoBatchGroupingStrategy;
import io.awspring.cloud.sqs.listener.FifoSqsComponentFactory;
import io.awspring.cloud.sqs.listener.SqsContainerOptions;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.StandardSqsComponentFactory;
import io.awspring.cloud.sqs.listener.sink.FanOutMessageSink;
import io.awspring.cloud.sqs.listener.sink.MessageSink;
import io.awspring.cloud.sqs.listener.sink.OrderedMessageSink;
import io.awspring.cloud.sqs.listener.sink.adapter.MessageGroupingSinkAdapter;
import io.awspring.cloud.sqs.listener.sink.adapter.MessageVisibilityExtendingSinkAdapter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;

/**
 * The message sinks of eventbus's listener containers. Spring Cloud AWS's sinks log every
 * failed message at ERROR ("Error processing message"); in eventbus's containers every failure
 * has passed through the listener's error handler, which has logged it once with the listener,
 * the delivery count and what happens next, and which fails the message only to keep it from
 * being acknowledged. These sinks log that second report at DEBUG. Only eventbus's containers
 * use them: the sinks of the application's own {@code @SqsListener} containers are untouched.
 */
final class ListenerSinks {

	private static final Log logger = LogFactory.getLog(ListenerSinks.class);

	private ListenerSinks() {
	}

	/**
	 * The component factories of an eventbus container: Spring Cloud AWS's, for FIFO and
	 * standard queues, with the sinks of this class.
	 * @return the factories, FIFO first as in Spring Cloud AWS
	 */
	static List<ContainerComponentFactory<Object, SqsContainerOptions>> componentFactories() {
		return List.of(new Fifo(), new Standard());
	}

	private static Void reported(Throwable failure, Message<Object> message) {
		if (logger.isDebugEnabled()) {
			logger.debug("eventbus: message " + MessageHeaderUtils.getId(message)
					+ " was not acknowledged; its listener's error handler reported why", failure);
		}
		return null;
	}

	private static final class Standard extends StandardSqsComponentFactory<Object> {

		@Override
		public MessageSink<Object> createMessageSink(SqsContainerOptions options) {
			return new FanOutMessageSink<>() {

				@Override
				protected Void logError(Throwable failure, Message<Object> message) {
					return reported(failure, message);
				}

			};
		}

	}

	/**
	 * As Spring Cloud AWS's FIFO factory: messages in order, optionally with visibility
	 * extension and parallel message groups.
	 */
	private static final class Fifo extends FifoSqsComponentFactory<Object> {

		@Override
		public MessageSink<Object> createMessageSink(SqsContainerOptions options) {
			MessageSink<Object> sink = new OrderedMessageSink<>() {

				@Override
				protected Void logError(Throwable failure, Message<Object> message) {
					return reported(failure, message);
				}

			};
			if (options.getMessageVisibility() != null) {
				MessageVisibilityExtendingSinkAdapter<Object> visibility = new MessageVisibilityExtendingSinkAdapter<>(
						sink);
				visibility.setMessageVisibility(options.getMessageVisibility());
				sink = visibility;
			}
			if (FifoBatchGroupingStrategy.PROCESS_MESSAGE_GROUPS_IN_PARALLEL_BATCHES
				.equals(options.getFifoBatchGroupingStrategy())) {
				sink = new MessageGroupingSinkAdapter<>(sink, (message) -> MessageHeaderUtils.getHeaderAsString(message,
						SqsHeaders.MessageSystemAttributes.SQS_MESSAGE_GROUP_ID_HEADER));
			}
			return sink;
		}

	}

}
