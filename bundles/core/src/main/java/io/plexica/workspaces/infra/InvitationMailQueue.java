package io.plexica.workspaces.infra;

import io.plexica.shared.lifecycle.BackgroundLoop;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantStatus;
import io.plexica.workspaces.app.InvitationService;
import io.plexica.workspaces.app.InvitationService.MailAttempt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Mails the invitations queued in {@code plexica_core.invitation_mail}, on every node. A node
 * claims a few due rows at a time (for {@link Settings#claim}: a node that dies mid-way leaves them
 * to another once the claim runs out), mails each, and removes it; a mail that cannot go is tried
 * again later, each wait twice the last, and after {@link Settings#attempts} the invitation shows
 * {@code FAILED} to its administrators. Rows carry a ticket that a resend replaces, so an older
 * attempt never removes or fails a newer one.
 */
public class InvitationMailQueue implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(InvitationMailQueue.class.getName());

  /**
   * How the queue is worked: every {@code poll} a node claims up to {@code batch} due rows for
   * {@code claim}; a failed attempt waits {@code firstRetry}, doubling up to {@code lastRetry},
   * until {@code attempts} were made.
   */
  public record Settings(
      Duration poll,
      int batch,
      Duration claim,
      int attempts,
      Duration firstRetry,
      Duration lastRetry) {

    /** A second between looks; eight attempts over about an hour. */
    public static final Settings DEFAULT =
        new Settings(
            Duration.ofSeconds(1),
            10,
            Duration.ofMinutes(2),
            8,
            Duration.ofSeconds(15),
            Duration.ofMinutes(30));

    Duration retryAfter(int attempt) {
      Duration wait = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
      return wait.compareTo(lastRetry) > 0 ? lastRetry : wait;
    }
  }

  /** A claimed row: one invitation to mail. */
  record Claimed(
      UUID invitationId,
      UUID tenantId,
      UUID workspaceId,
      String invitedBy,
      UUID ticket,
      int attempt) {}

  private final DataSource core;
  private final TenantRepository tenants;
  private final InvitationService invitations;
  private final Settings settings;
  private final BackgroundLoop loop;

  public InvitationMailQueue(
      DataSource core, TenantRepository tenants, InvitationService invitations, Settings settings) {
    this.core = core;
    this.tenants = tenants;
    this.invitations = invitations;
    this.settings = settings;
    this.loop = new BackgroundLoop("plexica-invitation-mail", this::work);
  }

  public InvitationMailQueue start() {
    loop.start();
    return this;
  }

  private void work(BackgroundLoop loop) {
    while (loop.running()) {
      try {
        if (mailDue() == settings.batch()) {
          continue; // more may be due
        }
      } catch (RuntimeException | SQLException e) {
        LOG.log(Level.WARNING, "Could not work the invitation mail queue; trying again", e);
      }
      loop.pause(settings.poll());
    }
  }

  /** Claims the due rows and mails each; the number claimed. */
  public int mailDue() throws SQLException {
    List<Claimed> claimed = claim();
    for (Claimed row : claimed) {
      mail(row);
    }
    return claimed.size();
  }

  private List<Claimed> claim() throws SQLException {
    try (Connection connection = core.getConnection();
        PreparedStatement claim =
            connection.prepareStatement(
                "UPDATE plexica_core.invitation_mail SET attempts = attempts + 1,"
                    + " next_attempt_at = now() + make_interval(secs => ?)"
                    + " WHERE invitation_id IN (SELECT invitation_id FROM"
                    + " plexica_core.invitation_mail WHERE next_attempt_at <= now()"
                    + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                    + " RETURNING invitation_id, tenant_id, workspace_id, invited_by, ticket,"
                    + " attempts")) {
      claim.setLong(1, settings.claim().toSeconds());
      claim.setInt(2, settings.batch());
      List<Claimed> rows = new ArrayList<>();
      try (ResultSet result = claim.executeQuery()) {
        while (result.next()) {
          rows.add(
              new Claimed(
                  result.getObject(1, UUID.class),
                  result.getObject(2, UUID.class),
                  result.getObject(3, UUID.class),
                  result.getString(4),
                  result.getObject(5, UUID.class),
                  result.getInt(6)));
        }
      }
      return rows;
    }
  }

  private void mail(Claimed row) throws SQLException {
    Optional<Tenant> tenant = tenants.findById(row.tenantId()).filter(t -> !t.isPurged());
    if (tenant.isEmpty() || tenant.get().status() == TenantStatus.DELETED) {
      remove(row);
      return;
    }
    if (tenant.get().status() != TenantStatus.ACTIVE) {
      failed(row, TenantRef.of(tenant.get()), null, "the tenant is " + tenant.get().status());
      return;
    }
    TenantRef ref = TenantRef.of(tenant.get());
    MailAttempt attempt = null;
    try {
      Optional<MailAttempt> started =
          invitations.startMail(ref, row.workspaceId(), row.invitationId(), row.invitedBy());
      if (started.isEmpty()) {
        remove(row); // revoked, answered, expired or gone meanwhile: nothing to mail
        return;
      }
      attempt = started.get();
      invitations.sendMail(ref, attempt);
      remove(row);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Invitation " + row.invitationId() + " not mailed (attempt " + row.attempt() + ")",
          e);
      failed(row, ref, attempt == null ? null : attempt.tokenHash(), e.getMessage());
    }
  }

  /** Tries again later, or gives up after the last attempt. */
  private void failed(Claimed row, TenantRef tenant, String tokenHash, String error)
      throws SQLException {
    if (row.attempt() >= settings.attempts()) {
      if (remove(row)) {
        invitations.mailFailed(tenant, row.workspaceId(), row.invitationId(), tokenHash);
      }
      return;
    }
    try (Connection connection = core.getConnection();
        PreparedStatement later =
            connection.prepareStatement(
                "UPDATE plexica_core.invitation_mail SET next_attempt_at = now()"
                    + " + make_interval(secs => ?), last_error = ?"
                    + " WHERE invitation_id = ? AND ticket = ?")) {
      later.setLong(1, settings.retryAfter(row.attempt()).toSeconds());
      later.setString(2, error == null ? "" : error);
      later.setObject(3, row.invitationId());
      later.setObject(4, row.ticket());
      later.executeUpdate();
    }
  }

  /** Removes the row unless a resend queued the invitation again; whether it did. */
  private boolean remove(Claimed row) throws SQLException {
    try (Connection connection = core.getConnection();
        PreparedStatement remove =
            connection.prepareStatement(
                "DELETE FROM plexica_core.invitation_mail WHERE invitation_id = ? AND ticket = ?")) {
      remove.setObject(1, row.invitationId());
      remove.setObject(2, row.ticket());
      return remove.executeUpdate() == 1;
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
