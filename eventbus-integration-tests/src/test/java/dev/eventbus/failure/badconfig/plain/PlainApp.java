package dev.eventbus.failure.badconfig.plain;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A correct application (memos and a listener), started with bad properties by the
 * bad-configuration tests.
 */
@SpringBootApplication
public class PlainApp {

}
