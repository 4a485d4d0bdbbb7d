package dev.eventbus.sample.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API of orders: {@code /orders}.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

	private final OrderService orderService;

	OrderController(OrderService orderService) {
		this.orderService = orderService;
	}

	@GetMapping
	List<OrderResponse> list() {
		return this.orderService.findAll().stream().map(OrderResponse::of).toList();
	}

	@GetMapping("/{id}")
	OrderResponse get(@PathVariable UUID id) {
		return OrderResponse.of(this.orderService.get(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	OrderResponse create(@RequestBody CreateOrder request) {
		if (request.customer() == null || request.customer().isBlank()) {
			throw new IllegalArgumentException("customer is required");
		}
		if (request.total() == null || request.total().signum() < 0) {
			throw new IllegalArgumentException("total is required and must not be negative");
		}
		return OrderResponse.of(this.orderService.create(request.customer(), request.total(), request.cardNumber()));
	}

	@PutMapping("/{id}")
	OrderResponse update(@PathVariable UUID id, @RequestBody UpdateOrder request) {
		if (request.total() != null && request.total().signum() < 0) {
			throw new IllegalArgumentException("total must not be negative");
		}
		return OrderResponse.of(this.orderService.update(id, request.status(), request.total()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		this.orderService.delete(id);
	}

	@ExceptionHandler
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * The body of {@code POST /orders}.
	 *
	 * @param customer the customer
	 * @param total the total amount
	 * @param cardNumber the card to charge (optional, never returned or published)
	 */
	record CreateOrder(@Nullable String customer, @Nullable BigDecimal total, @Nullable String cardNumber) {
	}

	/**
	 * The body of {@code PUT /orders/{id}}: the attributes to change.
	 *
	 * @param status the new status (optional)
	 * @param total the new total (optional)
	 */
	record UpdateOrder(@Nullable String status, @Nullable BigDecimal total) {
	}

	/**
	 * An order as the API returns it: without the card number.
	 *
	 * @param id the order id
	 * @param customer the customer
	 * @param status the status
	 * @param total the total amount
	 * @param version the optimistic-locking version
	 */
	record OrderResponse(UUID id, String customer, String status, BigDecimal total, long version) {

		static OrderResponse of(Order order) {
			return new OrderResponse(order.getId(), order.getCustomer(), order.getStatus(), order.getTotal(),
					order.getVersion());
		}

	}

}
