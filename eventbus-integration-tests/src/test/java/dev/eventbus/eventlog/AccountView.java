package dev.eventbus.eventlog;

/**
 * The payload of an account event, as the event log and the listener bind it.
 * @param id the account id
 * @param owner the owner
 * @param balance the balance
 */
public record AccountView(long id, String owner, int balance) {
}
