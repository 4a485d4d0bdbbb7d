package dev.eventbus.failure.badconfig.plain;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/** A listener with a correct signature. */
@Component
public class MemoListener {

	@Listener("Memo")
	void memos(EntityEvent<Map<String, Object>> event) {
	}

}
