package io.plexica.tenancy.infra;

import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.IdentityMove;
import io.plexica.tenancy.domain.IdentityMoveLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code plexica_core.tenant_identity_move}, on the main cluster. */
public class JdbcIdentityMoveLog implements IdentityMoveLog {
  private final CoreTable table;

  public JdbcIdentityMoveLog(DataSource core) {
    this.table =
        new CoreTable(
            core,
            "tenant_identity_move",
            "id, tenant_id, source_kind, source_realm, source_organization, target_kind,"
                + " target_realm, target_organization, state, step, people, service_accounts,"
                + " error, started_at, ended_at");
  }

  @Override
  public void insert(IdentityMove move) {
    table.insert(
        move,
        statement -> {
          statement.setObject(1, move.id());
          statement.setObject(2, move.tenantId());
          statement.setString(3, move.source().kind().name());
          statement.setString(4, move.source().realm());
          statement.setString(5, move.source().organization());
          statement.setString(6, move.target().kind().name());
          statement.setString(7, move.target().realm());
          statement.setString(8, move.target().organization());
          statement.setString(9, move.state().name());
          statement.setString(10, move.step().name());
          statement.setInt(11, move.people());
          statement.setInt(12, move.serviceAccounts());
          statement.setString(13, move.error());
          CoreTable.setInstant(statement, 14, move.startedAt());
          CoreTable.setInstant(statement, 15, move.endedAt());
        });
  }

  @Override
  public void update(IdentityMove move) {
    table.update(
        "target_organization = ?, state = ?, step = ?, people = ?, service_accounts = ?,"
            + " error = ?, ended_at = ?",
        move,
        statement -> {
          statement.setString(1, move.target().organization());
          statement.setString(2, move.state().name());
          statement.setString(3, move.step().name());
          statement.setInt(4, move.people());
          statement.setInt(5, move.serviceAccounts());
          statement.setString(6, move.error());
          CoreTable.setInstant(statement, 7, move.endedAt());
          statement.setObject(8, move.id());
        });
  }

  @Override
  public Optional<IdentityMove> find(UUID id) {
    return table.select("WHERE id = ?", id, JdbcIdentityMoveLog::move).stream().findFirst();
  }

  @Override
  public List<IdentityMove> ofTenant(UUID tenantId) {
    return table.select(
        "WHERE tenant_id = ? ORDER BY started_at DESC", tenantId, JdbcIdentityMoveLog::move);
  }

  private static IdentityMove move(ResultSet row) throws SQLException {
    return new IdentityMove(
        row.getObject(1, UUID.class),
        row.getObject(2, UUID.class),
        new IdentityHome(
            IdentityHome.Kind.valueOf(row.getString(3)), row.getString(4), row.getString(5)),
        new IdentityHome(
            IdentityHome.Kind.valueOf(row.getString(6)), row.getString(7), row.getString(8)),
        IdentityMove.State.valueOf(row.getString(9)),
        IdentityMove.Step.valueOf(row.getString(10)),
        row.getInt(11),
        row.getInt(12),
        row.getString(13),
        row.getTimestamp(14).toInstant(),
        CoreTable.instant(row.getTimestamp(15)));
  }
}
