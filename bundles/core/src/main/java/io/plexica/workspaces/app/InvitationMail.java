package io.plexica.workspaces.app;

import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.Invitation.Delivery;
import io.plexica.workspaces.domain.WorkspaceRole;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** How an invitation reaches the invited person: by mail, when the platform can send mail. */
public interface InvitationMail {

  /** What the mail says. */
  record Letter(
      String email,
      String workspaceName,
      WorkspaceRole role,
      String invitedBy,
      String token,
      Instant expiresAt) {
    @Override
    public String toString() {
      return "Letter[" + email + ", " + workspaceName + ", " + role + "]";
    }
  }

  /** Whether invitations are mailed (a mail server is configured). */
  boolean enabled();

  /** The id of the tenant's user with this address, if it has one. */
  Optional<UUID> accountOf(TenantRef tenant, String email);

  /**
   * Sends the letter: a join link to a person with an account ({@code account} present), else an
   * account made for the address and Keycloak's mail to set its password. {@code mail-unavailable}
   * when the mail cannot be sent, and nothing is left made.
   */
  Delivery deliver(TenantRef tenant, Optional<UUID> account, Letter letter);

  /** No mail: nobody is looked up, nothing is sent. */
  InvitationMail NONE =
      new InvitationMail() {
        @Override
        public boolean enabled() {
          return false;
        }

        @Override
        public Optional<UUID> accountOf(TenantRef tenant, String email) {
          return Optional.empty();
        }

        @Override
        public Delivery deliver(TenantRef tenant, Optional<UUID> account, Letter letter) {
          return Delivery.NOT_MAILED;
        }
      };
}
