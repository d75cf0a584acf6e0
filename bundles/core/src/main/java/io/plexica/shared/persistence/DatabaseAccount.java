package io.plexica.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's database user makes a login role per plugin installation (decision 0013), so it
 * needs CREATEROLE; outside dev mode it must not be a superuser, whose rights no plugin's role
 * could be kept from. The platform refuses to start otherwise and says which.
 */
@ApplicationScoped
public class DatabaseAccount {
  @Inject Database database;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    boolean devMode =
        ConfigProvider.getConfig()
            .getOptionalValue("plexica.identity.dev-mode", Boolean.class)
            .orElse(false);
    for (String cluster : database.clusters().ids()) {
      check(cluster, devMode);
    }
  }

  /** Every cluster: plugin installations get their roles on the cluster of their tenant. */
  private void check(String cluster, boolean devMode) {
    try (Connection connection = database.clusters().cluster(cluster).platform().getConnection();
        Statement statement = connection.createStatement();
        ResultSet account =
            statement.executeQuery(
                "SELECT current_user, rolsuper, rolcreaterole FROM pg_roles"
                    + " WHERE rolname = current_user")) {
      account.next();
      problem(account.getString(1), account.getBoolean(2), account.getBoolean(3), devMode)
          .ifPresent(
              why -> {
                throw new IllegalStateException("Database cluster " + cluster + ": " + why);
              });
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot read the database user's rights on cluster " + cluster, e);
    }
  }

  /** Why the platform must not run as this user, if it must not. */
  static Optional<String> problem(
      String user, boolean superuser, boolean createRole, boolean devMode) {
    if (superuser && !devMode) {
      return Optional.of(
          "The database user '"
              + user
              + "' is a superuser: outside dev mode Plexica runs as a user with CREATEROLE and"
              + " without SUPERUSER, so that no plugin's SQL can reach beyond its own tables"
              + " (docs/operations.md, \"Database\").");
    }
    if (!superuser && !createRole) {
      return Optional.of(
          "The database user '"
              + user
              + "' lacks CREATEROLE: Plexica makes a database role per plugin installation."
              + " ALTER ROLE "
              + user
              + " CREATEROLE (docs/operations.md, \"Database\").");
    }
    return Optional.empty();
  }
}
