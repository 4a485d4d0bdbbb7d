package dev.eventbus.outcome;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.function.SingletonSupplier;

import dev.eventbus.EventBus;
import dev.eventbus.PublishOutcome;

/**
 * Applies the outcome advisor (an annotation pointcut on {@link PublishOutcome} and the
 * {@link OutcomeInterceptor}) to the beans that have such methods, and reads and checks each
 * annotation when its bean is created, so that a mistake stops start-up.
 * <p>
 * Like {@code @Validated}'s post-processor, it adds its advisor to a bean's existing proxy
 * <em>after</em> the advisors already there, so the advice always runs inside
 * {@code @Transactional}'s: when the method returns, its transaction is still open for the
 * success event, whatever the advisors' {@code order}. (An ordinary advisor bean sorts with the
 * transaction advisor by {@code order}, and both default to the lowest precedence: their relative
 * order would be left to chance.)
 */
public final class OutcomePostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	private static final long serialVersionUID = 1L;

	private final transient Supplier<EventBus> bus;

	private final transient BooleanSupplier includeStackTrace;

	private transient OutcomeMethods methods = new OutcomeMethods(new OutcomeMethodReader((value) -> value));

	/** Classes without {@link PublishOutcome} methods, so that each is looked at once. */
	private final transient Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the post-processor.
	 * @param bus gives the event bus at the first outcome event (the post-processor is created
	 * before the beans the bus needs)
	 * @param includeStackTrace whether failure events carry the exception's stack trace
	 */
	public OutcomePostProcessor(Supplier<EventBus> bus, BooleanSupplier includeStackTrace) {
		this.bus = SingletonSupplier.of(bus);
		this.includeStackTrace = includeStackTrace;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		if (beanFactory instanceof ConfigurableBeanFactory configurable) {
			this.methods = new OutcomeMethods(new OutcomeMethodReader(configurable::resolveEmbeddedValue));
		}
		OutcomePublisher publisher = new OutcomePublisher(this.bus, this.includeStackTrace);
		this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, PublishOutcome.class, true),
				new OutcomeInterceptor(this.methods, publisher));
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (!this.nonAnnotatedClasses.contains(type)) {
			Set<Method> annotated = !AnnotationUtils.isCandidateClass(type, PublishOutcome.class) ? Set.of()
					: MethodIntrospector.selectMethods(type,
							(MethodIntrospector.MetadataLookup<PublishOutcome>) (method) -> AnnotatedElementUtils
								.findMergedAnnotation(method, PublishOutcome.class))
						.keySet();
			if (annotated.isEmpty()) {
				this.nonAnnotatedClasses.add(type);
			}
			annotated.forEach(this.methods::get);
		}
		return super.postProcessAfterInitialization(bean, beanName);
	}

	/**
	 * The outcome methods read so far: at the end of start-up those of every singleton bean.
	 * @return the methods
	 */
	public OutcomeMethods methods() {
		return this.methods;
	}

}
