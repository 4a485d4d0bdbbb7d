package dev.eventbus.sample.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes orders. Each method is one transaction: its events are
 * written to the outbox with the change and published after the commit.
 */
@Service
public class OrderService {

	private final OrderRepository orders;

	public OrderService(OrderRepository orders) {
		this.orders = orders;
	}

	/**
	 * Create an order; publishes {@code Order created}.
	 * @param customer the customer
	 * @param total the total amount
	 * @param cardNumber the card to charge, if known (never published)
	 * @return the new order
	 */
	@Transactional
	public Order create(String customer, BigDecimal total, @Nullable String cardNumber) {
		return this.orders.save(new Order(customer, total, cardNumber));
	}

	/**
	 * Change the status and/or the total of an order; publishes {@code Order updated} when
	 * something changed.
	 * @param id the order id
	 * @param status the new status, or {@code null} to keep it
	 * @param total the new total, or {@code null} to keep it
	 * @return the changed order
	 * @throws OrderNotFoundException if there is no such order
	 */
	@Transactional
	public Order update(UUID id, @Nullable String status, @Nullable BigDecimal total) {
		Order order = get(id);
		if (status != null) {
			order.setStatus(status);
		}
		if (total != null) {
			order.setTotal(total);
		}
		return this.orders.saveAndFlush(order);
	}

	/**
	 * Delete an order; publishes {@code Order deleted}.
	 * @param id the order id
	 * @throws OrderNotFoundException if there is no such order
	 */
	@Transactional
	public void delete(UUID id) {
		this.orders.delete(get(id));
	}

	/**
	 * Find an order.
	 * @param id the order id
	 * @return the order
	 * @throws OrderNotFoundException if there is no such order
	 */
	@Transactional(readOnly = true)
	public Order get(UUID id) {
		return this.orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
	}

	/**
	 * All orders, by customer.
	 * @return the orders
	 */
	@Transactional(readOnly = true)
	public List<Order> findAll() {
		return this.orders.findAll(Sort.by("customer", "id"));
	}

}
