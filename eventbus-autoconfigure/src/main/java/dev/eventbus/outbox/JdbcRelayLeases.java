package dev.eventbus.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The leases in the {@code eventbus_outbox_lease} table (one row per partition) and the relays
 * in {@code eventbus_outbox_relay}, through plain JDBC, the same statements on every database.
 * Taking a lease is one conditional update, so two relays never both take it.
 */
public final class JdbcRelayLeases implements RelayLeases {

	static final String LEASES = "eventbus_outbox_lease";

	static final String RELAYS = "eventbus_outbox_relay";

	private static final Instant NEVER = Instant.parse("2000-01-01T00:00:00Z");

	private final DataSource dataSource;

	/**
	 * Creates the leases.
	 * @param dataSource the application's data source
	 */
	public JdbcRelayLeases(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void createPartitions(int count) {
		Set<Integer> existing = new HashSet<>();
		try (Connection connection = this.dataSource.getConnection()) {
			try (PreparedStatement select = connection.prepareStatement("select partition_no from " + LEASES);
					ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					existing.add(rows.getInt(1));
				}
			}
			for (int partition = 0; partition < count; partition++) {
				if (existing.contains(partition)) {
					continue;
				}
				try (PreparedStatement insert = connection
					.prepareStatement("insert into " + LEASES + " (partition_no, owner, expires_at) values (?, null, ?)")) {
					insert.setInt(1, partition);
					insert.setTimestamp(2, Timestamp.from(NEVER));
					insert.executeUpdate();
					OutboxTransactions.commitIfNeeded(connection);
				}
				catch (SQLException ex) {
					// another relay created it at the same moment; a real failure shows in the next read
					if (!connection.getAutoCommit()) {
						connection.rollback();
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not create the partition leases in " + LEASES
					+ " (does the table exist? see eventbus.outbox.initialize-schema)", ex);
		}
	}

	@Override
	public Instant now() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement("select current_timestamp");
				ResultSet rows = select.executeQuery()) {
			rows.next();
			return rows.getTimestamp(1).toInstant();
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not read the database time", ex);
		}
	}

	@Override
	public void alive(String owner, Instant until) {
		int updated = update("update " + RELAYS + " set expires_at = ? where owner = ?", until, owner);
		if (updated == 0) {
			update("insert into " + RELAYS + " (expires_at, owner) values (?, ?)", until, owner);
		}
	}

	@Override
	public int relays(Instant now) {
		update("delete from " + RELAYS + " where expires_at < ?", now, null);
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement("select count(*) from " + RELAYS)) {
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not count the relays in " + RELAYS, ex);
		}
	}

	@Override
	public Set<Integer> renew(String owner, Instant now, Instant until) {
		try (Connection connection = this.dataSource.getConnection()) {
			try (PreparedStatement update = connection
				.prepareStatement("update " + LEASES + " set expires_at = ? where owner = ? and expires_at >= ?")) {
				update.setTimestamp(1, Timestamp.from(until));
				update.setString(2, owner);
				update.setTimestamp(3, Timestamp.from(now));
				update.executeUpdate();
			}
			OutboxTransactions.commitIfNeeded(connection);
			try (PreparedStatement select = connection
				.prepareStatement("select partition_no from " + LEASES + " where owner = ? and expires_at >= ?")) {
				select.setString(1, owner);
				select.setTimestamp(2, Timestamp.from(until));
				return partitions(select);
			}
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not renew the partition leases in " + LEASES, ex);
		}
	}

	@Override
	public Set<Integer> free(Instant now) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection
					.prepareStatement("select partition_no from " + LEASES + " where owner is null or expires_at < ?")) {
			select.setTimestamp(1, Timestamp.from(now));
			return partitions(select);
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not read the partition leases in " + LEASES, ex);
		}
	}

	@Override
	public boolean take(int partition, String owner, Instant now, Instant until) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement update = connection.prepareStatement("update " + LEASES
						+ " set owner = ?, expires_at = ? where partition_no = ? and (owner is null or expires_at < ?)")) {
			update.setString(1, owner);
			update.setTimestamp(2, Timestamp.from(until));
			update.setInt(3, partition);
			update.setTimestamp(4, Timestamp.from(now));
			boolean taken = update.executeUpdate() == 1;
			OutboxTransactions.commitIfNeeded(connection);
			return taken;
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not take the lease of partition " + partition, ex);
		}
	}

	@Override
	public void giveBack(String owner, Set<Integer> partitions) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement update = connection.prepareStatement(
						"update " + LEASES + " set owner = null, expires_at = ? where partition_no = ? and owner = ?")) {
			for (Integer partition : partitions) {
				update.setTimestamp(1, Timestamp.from(NEVER));
				update.setInt(2, partition);
				update.setString(3, owner);
				update.addBatch();
			}
			update.executeBatch();
			OutboxTransactions.commitIfNeeded(connection);
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not give back the leases of partitions " + partitions, ex);
		}
	}

	@Override
	public void leave(String owner) {
		update("update " + LEASES + " set owner = null, expires_at = ? where owner = ?", NEVER, owner);
		update("delete from " + RELAYS + " where expires_at > ? and owner = ?", NEVER, owner);
	}

	private int update(String sql, Instant at, @Nullable String owner) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setTimestamp(1, Timestamp.from(at));
			if (owner != null) {
				statement.setString(2, owner);
			}
			int updated = statement.executeUpdate();
			OutboxTransactions.commitIfNeeded(connection);
			return updated;
		}
		catch (SQLException ex) {
			throw new OutboxException("Could not run '" + sql + "'", ex);
		}
	}

	private static Set<Integer> partitions(PreparedStatement select) throws SQLException {
		Set<Integer> partitions = new HashSet<>();
		try (ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				partitions.add(rows.getInt(1));
			}
		}
		return partitions;
	}

}
