package dev.eventbus.sample.orders;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link Order orders}.
 */
public interface OrderRepository extends JpaRepository<Order, UUID> {

}
