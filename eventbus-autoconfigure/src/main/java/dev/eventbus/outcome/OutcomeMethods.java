package dev.eventbus.outcome;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;

import dev.eventbus.PublishOutcome;

/**
 * The {@link PublishOutcome} methods of the application's beans, read and checked once: when
 * their bean is post-processed at start-up, or at the first call of a method of a bean created
 * later.
 */
public final class OutcomeMethods {

	private final Map<Method, Optional<OutcomeMethod>> methods = new ConcurrentHashMap<>();

	private final OutcomeMethodReader reader;

	OutcomeMethods(OutcomeMethodReader reader) {
		this.reader = reader;
	}

	/**
	 * The outcome of a method, {@code null} if it is not annotated.
	 * @throws InvalidPublishOutcomeException if its annotation is invalid
	 */
	@Nullable OutcomeMethod get(Method method) {
		return this.methods.computeIfAbsent(method, this::read).orElse(null);
	}

	private Optional<OutcomeMethod> read(Method method) {
		PublishOutcome annotation = AnnotatedElementUtils.findMergedAnnotation(method, PublishOutcome.class);
		return Optional.ofNullable(annotation).map((found) -> this.reader.read(method, found));
	}

	/**
	 * The channels of the methods read so far: at the end of start-up, those of all singleton
	 * beans.
	 * @return the channel names, sorted
	 */
	public Set<String> channels() {
		Set<String> channels = new TreeSet<>();
		this.methods.values().forEach((method) -> method.ifPresent((found) -> channels.add(found.channel())));
		return channels;
	}

}
