package dev.eventbus.failure.provision;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.Action;
import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/** Listeners with and without action filters. */
@Component
public class CouponListeners {

	@Listener("Coupon")
	void all(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = "Coupon", actions = Action.DELETED)
	void deletes(EntityEvent<Map<String, Object>> event) {
	}

	@Listener(value = "Coupon", actions = { Action.DELETED, Action.UPDATED })
	void changes(EntityEvent<Map<String, Object>> event) {
	}

}
