package dev.eventbus.autoconfigure;

import java.util.Map;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eventbus.Action;
import dev.eventbus.EventBus;
import dev.eventbus.Listener;
import dev.eventbus.NoActiveTransactionException;
import dev.eventbus.capture.PublishedEventListener;
import dev.eventbus.consume.ListenerMethodException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 11: the {@link EventBus} bean and the listener that externalizes
 * {@link dev.eventbus.PublishedEvent} objects; custom actions of listeners checked at start-up.
 */
class EventBusPublishingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class, EventBusPublishingAutoConfiguration.class,
				EventBusTransportAutoConfiguration.class, EventBusListenerAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:publishing-${random.uuid}",
				"spring.application.name=publishing", "spring.cloud.aws.region.static=us-east-1",
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test",
				"spring.cloud.aws.endpoint=http://127.0.0.1:9", "eventbus.provision.mode=none",
				"eventbus.outbox.relay-enabled=false");

	@Test
	void definesTheEventBusAndThePublishedEventListenerByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(EventBus.class)
			.hasSingleBean(PublishedEventListener.class));
	}

	@Test
	void eventBusWritesToTheOutboxInATransactionAndRefusesWithoutOne() {
		this.runner.run((context) -> {
			EventBus bus = context.getBean(EventBus.class);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
			new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
				.executeWithoutResult((status) -> bus.publish("Invoice", "issued", "7", Map.of("total", 1)));
			assertThat(jdbc.queryForMap("select channel, action, entity_id, ordering_key from eventbus_outbox"))
				.containsEntry("CHANNEL", "Invoice")
				.containsEntry("ACTION", "issued")
				.containsEntry("ENTITY_ID", "7")
				.containsEntry("ORDERING_KEY", "Invoice:7");
			assertThatExceptionOfType(NoActiveTransactionException.class)
				.isThrownBy(() -> bus.publish("Invoice", "issued", Map.of("total", 2)));
			assertThat(jdbc.queryForObject("select count(*) from eventbus_outbox", Long.class)).isOne();
		});
	}

	@Test
	void backsOffWhenTheUserDefinesAnEventBus() {
		this.runner.withUserConfiguration(UserEventBus.class).run((context) -> {
			assertThat(context).hasSingleBean(EventBus.class);
			assertThat(context.getBean(EventBus.class)).isSameAs(context.getBean("userEventBus"));
		});
	}

	@Test
	void disabledByProperty() {
		this.runner.withPropertyValues("eventbus.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventBus.class)
				.doesNotHaveBean(PublishedEventListener.class));
	}

	@Test
	void listenerWithAnInvalidCustomActionFailsStartUpNamingTheRule() {
		this.runner.withUserConfiguration(BadCustomAction.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new ListenerMethodFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("BadCustomAction.on(Map)")
				.contains("has customActions = \"Issued\", which is not a valid action name");
			assertThat(analysis.getAction()).contains("a lower-case letter, then lower-case letters, digits")
				.contains("@Listener(customActions = ...)");
		});
	}

	@Test
	void frameListenerWithAnActionParameterCannotNameACustomAction() {
		this.runner.withUserConfiguration(FrameWithEnum.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new ListenerMethodFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("names the custom action 'issued', which its Action parameter cannot hold");
			assertThat(analysis.getAction()).contains("void on(String channel, String action, Map<String, Object> data)");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEventBus {

		@Bean
		EventBus userEventBus() {
			return new EventBus() {

				@Override
				public void publish(String channel, String action, @Nullable String key, Object payload) {
				}

				@Override
				public void publishInNewTransaction(String channel, String action, @Nullable String key,
						Object payload) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadCustomAction {

		@Listener(value = "Invoice", customActions = "Issued")
		void on(Map<String, Object> invoice) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FrameWithEnum {

		@Listener(value = "Invoice", customActions = "issued")
		void on(String channel, Action action, Map<String, Object> data) {
		}

	}

}
