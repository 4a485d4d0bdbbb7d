/**
 * Shipping: prepares a shipment when an order is paid.
 */
@NullMarked
package dev.eventbus.sample.shipping;

import org.jspecify.annotations.NullMarked;
