package dev.eventbus.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The aggregate's repository: {@code save} publishes its registered events. */
public interface DomOrderRepository extends JpaRepository<DomOrder, UUID> {
}
