package dev.eventbus.consume;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.SqsException;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, item 2: which failures are the environment's and which the message's.
 */
class OutageCauseTests {

	@Test
	void lostOrRefusedDatabaseConnectionsAreDatabaseOutages() {
		assertThat(OutageCause.of(new CannotCreateTransactionException("no connection"))).isEqualTo(OutageCause.DATABASE);
		assertThat(OutageCause.of(new CannotGetJdbcConnectionException("no connection")))
			.isEqualTo(OutageCause.DATABASE);
		assertThat(OutageCause.of(new QueryTimeoutException("slow"))).isEqualTo(OutageCause.DATABASE);
		assertThat(OutageCause.of(new SQLTransientConnectionException("pool timed out")))
			.isEqualTo(OutageCause.DATABASE);
		assertThat(OutageCause.of(new SQLException("terminating connection", "57P01"))).isEqualTo(OutageCause.DATABASE);
		assertThat(OutageCause.of(new SQLException("connection refused", "08001"))).isEqualTo(OutageCause.DATABASE);
	}

	@Test
	void aCauseDeepInTheChainCounts() {
		RuntimeException wrapped = new IllegalStateException("handler failed",
				new RuntimeException(new SQLException("I/O error", "08006")));
		assertThat(OutageCause.of(wrapped)).isEqualTo(OutageCause.DATABASE);
	}

	@Test
	void sdkClientFailuresTimeoutsThrottlingAndServerErrorsAreAwsOutages() {
		assertThat(OutageCause.of(SdkClientException.create("unreachable"))).isEqualTo(OutageCause.AWS);
		assertThat(OutageCause.of(ApiCallTimeoutException.create(2000))).isEqualTo(OutageCause.AWS);
		assertThat(OutageCause.of(SqsException.builder().statusCode(503).message("unavailable").build()))
			.isEqualTo(OutageCause.AWS);
	}

	@Test
	void failuresOfTheMessageAreNoOutage() {
		assertThat(OutageCause.of(new IllegalArgumentException("bad amount"))).isNull();
		assertThat(OutageCause.of(new DataIntegrityViolationException("duplicate"))).isNull();
		assertThat(OutageCause.of(new CannotAcquireLockException("deadlock"))).isNull();
		assertThat(OutageCause.of(new SQLException("syntax error", "42601"))).isNull();
		assertThat(OutageCause.of(SqsException.builder().statusCode(400).message("bad request").build())).isNull();
	}

	@Test
	void aCauseCycleEnds() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);
		assertThat(OutageCause.of(second)).isNull();
	}

}
