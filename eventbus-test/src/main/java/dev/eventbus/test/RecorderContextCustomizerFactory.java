package dev.eventbus.test;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.eventbus.message.EventMessageCodec;
import dev.eventbus.transport.EventTransport;

/**
 * Puts an {@link EventRecorder} and a {@link Scenario} into every Spring test context (and
 * nowhere else: test contexts are the only ones that ask for context customizers). The
 * recorder learns of captured events as a {@code CommittedEventsListener}, of published ones
 * from a wrapper around the application's {@link EventTransport}, and of handled ones from an
 * observation handler on the application's {@link ObservationRegistry} (one is registered when
 * the application has none).
 */
final class RecorderContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new RecorderContextCustomizer();
	}

	/** Registers the recorder; equal to every other, so it never splits the context cache. */
	static final class RecorderContextCustomizer implements ContextCustomizer {

		static final String RECORDER = "eventBusEventRecorder";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			EventRecorder recorder = new EventRecorder(
					() -> beans.getBeanProvider(EventMessageCodec.class).getIfAvailable(EventMessageCodec::new));
			HandleRecording handling = new HandleRecording(recorder);
			beans.registerSingleton(RECORDER, recorder);
			beans.registerSingleton("eventBusRecorderCapture", new CapturedEventsRecording(recorder));
			beans.registerSingleton("eventBusScenario",
					new Scenario(recorder, beans.getBeanProvider(PlatformTransactionManager.class)));
			beans.addBeanPostProcessor(new RecordingPostProcessor(recorder, handling));
			context.addBeanFactoryPostProcessor((factory) -> {
				if (factory.getBeanNamesForType(ObservationRegistry.class, true, false).length == 0) {
					ObservationRegistry registry = ObservationRegistry.create();
					registry.observationConfig().observationHandler(handling);
					factory.registerSingleton("eventBusRecorderObservationRegistry", registry);
				}
			});
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof RecorderContextCustomizer;
		}

		@Override
		public int hashCode() {
			return RecorderContextCustomizer.class.hashCode();
		}

	}

	/** Wraps the transport and adds the handle recording to observation registries. */
	static final class RecordingPostProcessor implements BeanPostProcessor {

		private final EventRecorder recorder;

		private final HandleRecording handling;

		RecordingPostProcessor(EventRecorder recorder, HandleRecording handling) {
			this.recorder = recorder;
			this.handling = handling;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
			if (bean instanceof EventTransport transport && !(bean instanceof RecordingEventTransport)) {
				return new RecordingEventTransport(transport, this.recorder);
			}
			if (bean instanceof ObservationRegistry registry) {
				registry.observationConfig().observationHandler(this.handling);
			}
			return bean;
		}

	}

}
