package dev.eventbus.test.inmemory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import software.amazon.awssdk.core.SdkClient;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;
import dev.eventbus.PublishEvents;

/**
 * An application with one published entity and listeners, on H2, for the in-memory delivery tests.
 */
@SpringBootApplication
class InMemoryApplication {

	/** Fails the context if anything creates an AWS SDK client (SNS, SQS or any other). */
	@Bean
	static BeanPostProcessor noAwsClients() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof SdkClient client) {
					throw new IllegalStateException("in-memory delivery created the AWS client " + beanName + ": "
							+ client.serviceName());
				}
				return bean;
			}

		};
	}

	@Entity(name = "Parcel")
	@Table(name = "im_parcels")
	@PublishEvents
	static class Parcel {

		@Id
		Long id;

		String status;

		Parcel() {
		}

		Parcel(Long id, String status) {
			this.id = id;
			this.status = status;
		}

	}

	record ParcelView(Long id, String status) {
	}

	/** Thrown by {@link ParcelListeners#picky} for status {@code BAD}: never worth a retry. */
	static class BadParcelException extends RuntimeException {

		BadParcelException(String message) {
			super(message);
		}

	}

	@Component
	static class ParcelListeners {

		final List<EntityEvent<ParcelView>> all = new CopyOnWriteArrayList<>();

		final List<ParcelView> deleted = new CopyOnWriteArrayList<>();

		final Map<Long, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();

		final List<ParcelView> flakyHandled = new CopyOnWriteArrayList<>();

		@Listener("Parcel")
		void all(EntityEvent<ParcelView> event) {
			this.all.add(event);
		}

		@Listener(value = "Parcel", actions = Action.DELETED)
		void deleted(ParcelView parcel) {
			this.deleted.add(parcel);
		}

		/** Fails the first two deliveries of every event of status FLAKY, or every delivery of status BROKEN. */
		@Listener(value = "Parcel", id = "parcels-flaky", noRetryFor = BadParcelException.class)
		void flaky(ParcelView parcel) {
			int call = this.flakyCalls.computeIfAbsent(parcel.id(), (id) -> new AtomicInteger()).incrementAndGet();
			if ("BAD".equals(parcel.status())) {
				throw new BadParcelException("bad parcel " + parcel.id());
			}
			if ("BROKEN".equals(parcel.status()) || ("FLAKY".equals(parcel.status()) && call <= 2)) {
				throw new IllegalStateException("call " + call + " of parcel " + parcel.id());
			}
			this.flakyHandled.add(parcel);
		}

		/** Its payload type cannot take a parcel: every event is poison to it. */
		@Listener(value = "Parcel", id = "parcels-unbindable")
		void unbindable(Map<String, List<Integer>> parcel) {
			throw new AssertionError("bound " + parcel);
		}

	}

}
