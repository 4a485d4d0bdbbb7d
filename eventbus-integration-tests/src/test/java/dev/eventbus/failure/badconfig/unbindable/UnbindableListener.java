package dev.eventbus.failure.badconfig.unbindable;

import org.springframework.stereotype.Component;

import dev.eventbus.Listener;

/** A listener method in none of the supported styles. */
@Component
public class UnbindableListener {

	@Listener("Memo")
	void sum(int a, int b) {
	}

}
