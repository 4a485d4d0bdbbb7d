package dev.eventbus.failure.badconfig.badchannel;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with an entity whose channel is no valid SNS topic name. */
@SpringBootApplication
public class BadChannelApp {

}
