package dev.eventbus.benchmarks;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.eventbus.PublishEvents;

/** The commit benchmark's entity with events. */
@Entity
@Table(name = "bench_published_orders")
@PublishEvents(Channels.ORDER)
public class PublishedOrder extends OrderColumns {

	protected PublishedOrder() {
	}

	public PublishedOrder(UUID id, int n) {
		super(id, n);
	}

}
