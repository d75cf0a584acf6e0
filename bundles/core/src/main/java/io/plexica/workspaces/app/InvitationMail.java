package io.plexica.workspaces.app;

import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.WorkspaceRole;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** How an invitation reaches the invited person: by mail, when the platform can send mail. */
public interface InvitationMail {

  /** What reached the person. */
  enum Delivery {
    /** A mail with the link to accept: the address has an account. */
    JOIN_LINK_MAILED,
    /** Keycloak's mail to set a password, leading to the invitation: an account was made. */
    ACCOUNT_SETUP_MAILED,
    /** Nothing: no mail server is configured; the sender passes the link on. */
    NOT_MAILED
  }

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

  /** The id of the tenant's user with this address, if it has one. */
  Optional<UUID> accountOf(TenantRef tenant, String email);

  /**
   * Sends the letter: a join link to a person with an account ({@code account} present), else an
   * account made for the address and Keycloak's mail to set its password. {@code mail-unavailable}
   * (503) when the mail cannot be sent, and nothing is left made.
   */
  Delivery deliver(TenantRef tenant, Optional<UUID> account, Letter letter);

  /** No mail: nobody is looked up, nothing is sent. */
  InvitationMail NONE =
      new InvitationMail() {
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
