package dev.eventbus.failure.badconfig.unbindable;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application whose listener method has parameters no message can be bound to. */
@SpringBootApplication
public class UnbindableApp {

}
