package dev.eventbus.consume;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a listener needs that can be down for a while: a failure caused by one of these is a
 * failure of the environment, not of the message, so it pauses consumption instead of counting
 * toward the dead-letter queue. {@link #of(Throwable)} tells which one an exception points to.
 */
public enum OutageCause {

	/**
	 * A database (any store behind Spring's data access exceptions): no connection, a
	 * transaction that cannot be opened, a resource that is temporarily unavailable.
	 */
	DATABASE,

	/**
	 * An AWS service called through the AWS SDK: unreachable, timing out, throttling or
	 * answering with a server error.
	 */
	AWS;

	/** SQL states of a lost or refused connection: class 08, and PostgreSQL's shutdown states. */
	private static boolean isConnectionState(@Nullable String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
	}

	/**
	 * Tells which dependency an exception (or any of its causes) says is unavailable.
	 * <ul>
	 * <li>{@link #DATABASE}: {@link CannotCreateTransactionException},
	 * {@link DataAccessResourceFailureException} (with {@code CannotGetJdbcConnectionException}),
	 * {@link TransientDataAccessException} except {@link ConcurrencyFailureException} (a deadlock
	 * or lock conflict belongs to the message's own work and is retried as usual),
	 * {@link SQLTransientConnectionException}, and any {@link SQLException} whose SQL state is
	 * of class {@code 08} (connection exception) or {@code 57P01}-{@code 57P03} (PostgreSQL
	 * shutting down or starting);</li>
	 * <li>{@link #AWS}: {@link SdkClientException} (with the SDK's call and attempt timeouts)
	 * and {@link SdkServiceException}s that are throttling or have a 5xx status.</li>
	 * </ul>
	 * @param failure what a listener threw
	 * @return the dependency that is down, or {@code null} if the failure is the message's own
	 */
	public static @Nullable OutageCause of(Throwable failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
			OutageCause cause = direct(t);
			if (cause != null) {
				return cause;
			}
		}
		return null;
	}

	private static @Nullable OutageCause direct(Throwable t) {
		if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
				|| (t instanceof TransientDataAccessException && !(t instanceof ConcurrencyFailureException))
				|| t instanceof SQLTransientConnectionException
				|| (t instanceof SQLException sql && isConnectionState(sql.getSQLState()))) {
			return DATABASE;
		}
		if (t instanceof SdkClientException) {
			return AWS;
		}
		if (t instanceof SdkServiceException service && (service.isThrottlingException() || service.statusCode() >= 500)) {
			return AWS;
		}
		return null;
	}

}
