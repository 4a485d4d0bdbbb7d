/**
 * Finance: issues and cancels an invoice for every order.
 */
@NullMarked
package dev.eventbus.sample.finance;

import org.jspecify.annotations.NullMarked;
