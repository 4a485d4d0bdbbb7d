package dev.eventbus.autoconfigure;

import java.time.Clock;
import java.util.Set;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.eventbus.consume.ListenerContainers;
import dev.eventbus.operations.DeadLetterQueues;
import dev.eventbus.operations.EventReplay;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations auto-configuration: dead-letter queues and replay where listeners run, backing off
 * for the user's beans and without listeners.
 */
class EventBusOperationsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, AwsAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
				SnsAutoConfiguration.class, SqsAutoConfiguration.class, EventBusNamingAutoConfiguration.class,
				EventBusOutboxAutoConfiguration.class, EventBusTransportAutoConfiguration.class,
				EventBusRelayAutoConfiguration.class,
				EventBusListenerAutoConfiguration.class, EventBusOperationsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:operations-${random.uuid}",
				"spring.application.name=operations", "spring.cloud.aws.region.static=us-east-1",
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test",
				"spring.cloud.aws.endpoint=http://127.0.0.1:9", "eventbus.provision.mode=none");

	@Test
	void definesDeadLetterQueuesAndReplayWhereListenersRun() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(DeadLetterQueues.class)
			.hasSingleBean(EventReplay.class));
	}

	@Test
	void backsOffWhenTheUserDefinesThem() {
		this.runner.withUserConfiguration(UserOperations.class).run((context) -> {
			assertThat(context).hasSingleBean(DeadLetterQueues.class).hasSingleBean(EventReplay.class);
			assertThat(context.getBean(DeadLetterQueues.class)).isSameAs(context.getBean("userDeadLetters"));
			assertThat(context.getBean(EventReplay.class)).isSameAs(context.getBean("userReplay"));
		});
	}

	@Test
	void withoutListenersThereAreNoOperations() {
		this.runner.withPropertyValues("eventbus.consume.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ListenerContainers.class)
				.doesNotHaveBean(DeadLetterQueues.class)
				.doesNotHaveBean(EventReplay.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperations {

		@Bean
		DeadLetterQueues userDeadLetters(SqsAsyncClient sqs, ListenerContainers listeners) {
			return new DeadLetterQueues(sqs, listeners);
		}

		@Bean
		EventReplay userReplay(ListenerContainers listeners, SqsAsyncClient sqs, DataSource dataSource) {
			return new EventReplay(listeners, sqs, new JdbcTemplate(dataSource), Set.of(), Clock.systemUTC());
		}

	}

}
