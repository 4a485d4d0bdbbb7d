package dev.eventbus.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Samples the backlog every {@link #INTERVAL} while a figure runs: the outbox rows not yet
 * published (counted over a connection of its own, outside the application's pool) and the
 * events sent but not yet handled by the listener. Its samples make the backlog charts.
 */
final class BacklogSampler implements AutoCloseable {

	/** Often enough for a chart, seldom enough that the count costs PostgreSQL little. */
	static final Duration INTERVAL = Duration.ofMillis(500);

	private final String schema;

	private final boolean outbox;

	private final LongSupplier notArrived;

	private final List<Sample> samples = new ArrayList<>();

	private final Thread thread;

	private final long start = System.nanoTime();

	private volatile boolean stopped;

	private volatile @Nullable SQLException failure;

	/**
	 * Starts sampling.
	 * @param schema the run's schema
	 * @param outbox whether to count outbox rows (false for a baseline without an outbox)
	 * @param notArrived the events sent but not yet handled
	 */
	BacklogSampler(String schema, boolean outbox, LongSupplier notArrived) {
		this.schema = schema;
		this.outbox = outbox;
		this.notArrived = notArrived;
		this.thread = new Thread(this::sample, "backlog-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void sample() {
		try (Connection connection = DriverManager.getConnection(
				BenchmarkContexts.DATABASE + "?currentSchema=" + this.schema, BenchmarkContexts.USER, "");
				Statement statement = connection.createStatement()) {
			while (true) {
				long rows = -1;
				if (this.outbox) {
					try (ResultSet result = statement.executeQuery(Fixture.BACKLOG)) {
						result.next();
						rows = result.getLong(1);
					}
				}
				Sample sample = new Sample(seconds(), rows, this.notArrived.getAsLong());
				synchronized (this.samples) {
					this.samples.add(sample);
				}
				if (this.stopped) {
					return;
				}
				try {
					Thread.sleep(INTERVAL.toMillis());
				}
				catch (InterruptedException ex) {
					// stopped: one last sample, then done
				}
			}
		}
		catch (SQLException ex) {
			this.failure = ex;
		}
	}

	/**
	 * Seconds since sampling started.
	 * @return the seconds
	 */
	double seconds() {
		return (System.nanoTime() - this.start) / 1e9;
	}

	/**
	 * Stops sampling, after one last sample.
	 * @return the samples taken
	 */
	List<Sample> stop() {
		this.stopped = true;
		this.thread.interrupt();
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		SQLException failed = this.failure;
		if (failed != null) {
			throw new IllegalStateException("Could not count the outbox backlog", failed);
		}
		synchronized (this.samples) {
			return List.copyOf(this.samples);
		}
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * The (seconds, count) points of a series of samples.
	 * @param samples the samples
	 * @param outbox the outbox rows, or else the events not yet at the listener
	 * @return the points
	 */
	static List<double[]> points(List<Sample> samples, boolean outbox) {
		return samples.stream()
			.filter((sample) -> !outbox || sample.outboxRows() >= 0)
			.map((sample) -> new double[] { sample.seconds(), outbox ? sample.outboxRows() : sample.notArrived() })
			.toList();
	}


	/**
	 * One sample.
	 *
	 * @param seconds since sampling started
	 * @param outboxRows outbox rows not yet published (-1: not counted)
	 * @param notArrived events sent but not yet handled by the listener
	 */
	record Sample(double seconds, long outboxRows, long notArrived) {
	}

}
