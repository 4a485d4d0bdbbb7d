package dev.eventbus.consume;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The cheap checks with which an open {@link ConsumptionBreaker} finds out that its dependency
 * answers again, without receiving a message.
 */
public final class OutageProbes {

	/** Seconds the driver may take to validate a fresh connection. */
	private static final int VALIDATION_SECONDS = 5;

	private OutageProbes() {
	}

	/**
	 * A probe that takes a connection from the data source (pooled or new) and validates it.
	 * @param dataSource the application's data source
	 * @return the probe
	 */
	public static ConsumptionBreakers.Probe database(DataSource dataSource) {
		return () -> {
			try (Connection connection = dataSource.getConnection()) {
				return connection.isValid(VALIDATION_SECONDS);
			}
			catch (SQLException ex) {
				return false;
			}
		};
	}

	/**
	 * A probe that lists one SQS queue (bounded by the client's call timeout).
	 * @param sqs the SQS client
	 * @return the probe
	 */
	public static ConsumptionBreakers.Probe sqs(SqsAsyncClient sqs) {
		return () -> {
			sqs.listQueues((request) -> request.maxResults(1)).join();
			return true;
		};
	}

}
