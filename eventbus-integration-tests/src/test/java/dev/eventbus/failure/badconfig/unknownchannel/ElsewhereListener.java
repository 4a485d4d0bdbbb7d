package dev.eventbus.failure.badconfig.unknownchannel;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.eventbus.EntityEvent;
import dev.eventbus.Listener;

/** Listens to a channel that only another service could publish. */
@Component
public class ElsewhereListener {

	@Listener("PublishedElsewhere")
	void elsewhere(EntityEvent<Map<String, Object>> event) {
	}

}
