package io.plexica.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Many outbox events at once, for tests and benchmarks of the relay and dispatcher. */
public final class BulkEvents {
  private BulkEvents() {}

  /** Events in the envelope EventOutbox writes, made by PostgreSQL in one statement. */
  public static void insert(UUID tenantId, String topic, int count) throws SQLException {
    try (Connection connection = TestPlatform.database().dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO plexica_core.event_outbox (id, topic, tenant_id, envelope)"
                    + " SELECT u, ?, CAST(? AS uuid), json_build_object('id', u, 'type', CAST(? AS text),"
                    + " 'tenantId', CAST(? AS text), 'workspaceId', null, 'occurredAt',"
                    + " to_char(clock_timestamp() AT TIME ZONE 'UTC',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), 'source', 'core',"
                    + " 'schemaVersion', 1, 'data', json_build_object('n', g))::text"
                    + " FROM (SELECT gen_random_uuid() AS u, g FROM generate_series(1, ?) g) s")) {
      insert.setString(1, topic);
      insert.setString(2, tenantId.toString());
      insert.setString(3, topic);
      insert.setString(4, tenantId.toString());
      insert.setInt(5, count);
      insert.executeUpdate();
    }
  }
}
