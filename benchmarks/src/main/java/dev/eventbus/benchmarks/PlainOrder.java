package dev.eventbus.benchmarks;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The commit benchmark's baseline: the same entity without {@code @PublishEvents}. */
@Entity
@Table(name = "bench_plain_orders")
public class PlainOrder extends OrderColumns {

	protected PlainOrder() {
	}

	public PlainOrder(UUID id, int n) {
		super(id, n);
	}

}
