package dev.eventbus.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eventbus.EventBus;
import dev.eventbus.PublishOutcome;
import dev.eventbus.outcome.InvalidPublishOutcomeException;
import dev.eventbus.outcome.OutcomePostProcessor;
import dev.eventbus.provision.InvalidResourceNameException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome auto-configuration: present with an {@link EventBus}, backs off without one, and
 * stops start-up for an annotation that cannot work.
 */
class EventBusOutcomeAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, AopAutoConfiguration.class,
				EventBusNamingAutoConfiguration.class, EventBusOutboxAutoConfiguration.class,
				EventBusPublishingAutoConfiguration.class, EventBusOutcomeAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:outcome-${random.uuid}",
				"spring.application.name=outcome");

	@Test
	void proxiesBeansWithOutcomeMethodsAndReadsTheirChannels() {
		this.runner.withUserConfiguration(ValidConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(OutcomePostProcessor.class);
			assertThat(context.getBean(Valid.class).getClass().getName()).contains("SpringCGLIB");
			assertThat(context.getBean(OutcomePostProcessor.class).methods().channels()).containsExactly("Parcel");
		});
	}

	@Test
	void backsOffWithoutAnEventBus() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EventBusOutcomeAutoConfiguration.class))
			.withUserConfiguration(ValidConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(OutcomePostProcessor.class);
				assertThat(context.getBean(Valid.class).getClass()).isEqualTo(Valid.class);
			});
	}

	@Test
	void badExpressionStopsStartUpNamingTheMethodAttributeAndFix() {
		this.runner.withUserConfiguration(BadExpressionConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(findCause(context.getStartupFailure(), InvalidPublishOutcomeException.class)).isNotNull();
			FailureAnalysis analysis = new InvalidPublishOutcomeFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("@PublishOutcome(key) on " + BadExpression.class.getName()
					+ ".ship(String)", "names unknown variables #parcel");
			assertThat(analysis.getAction()).startsWith("Correct @PublishOutcome(key = ...) on")
				.contains("Use one of #parcelId, #p0, #a0");
		});
	}

	@Test
	void channelThatMakesNoTopicNameStopsStartUp() {
		this.runner.withUserConfiguration(BadChannelConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			InvalidResourceNameException cause = findCause(context.getStartupFailure(),
					InvalidResourceNameException.class);
			assertThat(cause.getName()).isEqualTo("Parcel events");
		});
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("no " + type.getName() + " in " + failure, failure);
	}

	public static class Valid {

		@PublishOutcome(channel = "Parcel", success = "shipped", failure = "shipping-failed", key = "#parcelId")
		public void ship(String parcelId) {
		}

	}

	public static class BadExpression {

		@PublishOutcome(channel = "Parcel", key = "#parcel")
		public void ship(String parcelId) {
		}

	}

	public static class BadChannel {

		@PublishOutcome(channel = "Parcel events")
		public void ship(String parcelId) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ValidConfiguration {

		@Bean
		Valid valid() {
			return new Valid();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadExpressionConfiguration {

		@Bean
		BadExpression badExpression() {
			return new BadExpression();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadChannelConfiguration {

		@Bean
		BadChannel badChannel() {
			return new BadChannel();
		}

	}

}
