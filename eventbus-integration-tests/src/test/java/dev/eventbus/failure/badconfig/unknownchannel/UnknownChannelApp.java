package dev.eventbus.failure.badconfig.unknownchannel;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application that listens to a channel none of its entities publishes (it has none). */
@SpringBootApplication
public class UnknownChannelApp {

}
