package dev.eventbus.outcome;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;

/**
 * The advice of {@link dev.eventbus.PublishOutcome} methods: calls the method and hands its
 * result or exception to the {@link OutcomePublisher}. The method's exception always reaches the
 * caller unchanged.
 */
final class OutcomeInterceptor implements MethodInterceptor {

	private final OutcomeMethods methods;

	private final OutcomePublisher publisher;

	OutcomeInterceptor(OutcomeMethods methods, OutcomePublisher publisher) {
		this.methods = methods;
		this.publisher = publisher;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : null;
		Method method = AopUtils.getMostSpecificMethod(invocation.getMethod(), targetClass);
		OutcomeMethod outcome = this.methods.get(method);
		if (outcome == null) {
			return invocation.proceed();
		}
		@Nullable Object[] arguments = invocation.getArguments();
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			this.publisher.failed(outcome, arguments, ex);
			throw ex;
		}
		this.publisher.succeeded(outcome, arguments, result);
		return result;
	}

}
