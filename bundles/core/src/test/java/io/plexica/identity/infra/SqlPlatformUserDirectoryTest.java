package io.plexica.identity.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.app.PlatformUserDirectory.PlatformUser;
import io.plexica.identity.app.PlatformUserDirectory.PlatformUserPage;
import io.plexica.identity.domain.UserQuery;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.DatabaseClusters;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The platform administrators' people search over tenants on two database clusters: one order and
 * one count across both, whatever the page (people the test adds, with the role user). The second
 * cluster is a second id for the test database, enough for the merge this tests (the real second
 * cluster is DatabaseClustersIT's).
 */
@UsesServices
class SqlPlatformUserDirectoryTest {
  private static final String SECOND = "second";

  @Test
  void pagesOfPeopleSpanBothClustersInOneOrderWithOneCount() throws SQLException {
    TestPlatform platform = TestPlatform.create();
    String marker = "m" + Long.toString(System.nanoTime(), 36);
    List<TenantRef> tenants =
        List.of(
            platform.activeTenant(marker + "-a"),
            platform.activeTenant(marker + "-b"),
            platform.activeTenant(marker + "-c"));
    DataSource pool = TestPlatform.database().dataSource();
    DatabaseClusters.Cluster main = TestPlatform.database().clusters().main();
    Database twoClusters =
        new Database(
            DatabaseClusters.of(
                main, List.of(new DatabaseClusters.Cluster(SECOND, pool, main.pluginLogins()))),
            4);
    try {
      for (int t = 0; t < tenants.size(); t++) {
        for (int i = 0; i < 3; i++) {
          // Named so that their order is their tenants' order, then their own.
          addPerson(pool, tenants.get(t), marker + "-" + t + i);
        }
      }
      place(pool, tenants.get(1), SECOND);
      SqlPlatformUserDirectory directory = new SqlPlatformUserDirectory(twoClusters);

      List<PlatformUser> paged = new ArrayList<>();
      long total = -1;
      for (int page = 0; page < 6; page++) {
        PlatformUserPage result =
            directory.search(UserQuery.parse(marker, null, "user", marker, "" + page, "2"));
        total = result.total();
        paged.addAll(result.items());
      }

      assertThat(total).as("three people in each of three tenants").isEqualTo(9);
      assertThat(paged)
          .extracting(user -> user.profile().username())
          .hasSize(9)
          .isSortedAccordingTo(Comparator.naturalOrder());
      assertThat(paged)
          .extracting(PlatformUser::tenantSlug)
          .containsSubsequence(tenants.get(0).slug(), tenants.get(1).slug(), tenants.get(2).slug());
      assertThat(
              directory
                  .search(UserQuery.parse(marker, null, "user", tenants.get(1).slug(), "0", "20"))
                  .items())
          .as("the tenant on the second cluster alone")
          .extracting(PlatformUser::tenantSlug)
          .containsOnly(tenants.get(1).slug())
          .hasSize(3);
    } finally {
      // Other tests' platforms know the main cluster only.
      place(pool, tenants.get(1), DatabaseClusters.MAIN);
    }
  }

  private static void addPerson(DataSource pool, TenantRef tenant, String username)
      throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO \""
                    + tenant.schemaName()
                    + "\".users (id, username, email, roles, created_at, updated_at)"
                    + " VALUES (?, ?, ?, 'user', ?, ?)")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, username);
      insert.setString(3, username + "@example.com");
      java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
      insert.setTimestamp(4, now);
      insert.setTimestamp(5, now);
      insert.executeUpdate();
    }
  }

  private static void place(DataSource pool, TenantRef tenant, String cluster) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE plexica_core.tenant_placement SET database_cluster = ? WHERE tenant_id = ?")) {
      update.setString(1, cluster);
      update.setObject(2, tenant.id());
      update.executeUpdate();
    }
  }
}
