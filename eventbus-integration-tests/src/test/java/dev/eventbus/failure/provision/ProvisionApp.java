package dev.eventbus.failure.provision;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the provisioning test: coupons and three listeners, two of them with an
 * action filter.
 */
@SpringBootApplication
public class ProvisionApp {

}
