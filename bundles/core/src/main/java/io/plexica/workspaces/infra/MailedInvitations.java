package io.plexica.workspaces.infra;

import io.plexica.identity.app.Realms;
import io.plexica.identity.app.UserService;
import io.plexica.shared.mail.Mailer;
import io.plexica.shared.web.WebAppLinks;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.app.InvitationMail;
import io.plexica.workspaces.domain.Invitation.Delivery;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations by mail: a person with an account gets the platform's mail with the link to accept;
 * an address without one gets an account (the tenant's {@code guest} role) and Keycloak's mail to
 * set a password, whose link then leads to the same page.
 */
public class MailedInvitations implements InvitationMail {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Realms realms;
  private final UserService users;
  private final Mailer mailer;
  private final WebAppLinks links;

  public MailedInvitations(Realms realms, UserService users, Mailer mailer, WebAppLinks links) {
    this.realms = realms;
    this.users = users;
    this.mailer = mailer;
    this.links = links;
  }

  @Override
  public boolean enabled() {
    return mailer.enabled();
  }

  /** In a shared realm, an account of the realm is the tenant's only when in its organization. */
  @Override
  public Optional<UUID> accountOf(TenantRef tenant, String email) {
    Optional<String> account = realms.userIdByEmail(tenant.realm(), email);
    if (tenant.home().isSharedRealm()) {
      String organization = tenant.home().sharedRealmOrganization().orElse(null);
      account =
          account.filter(
              id -> organization != null && realms.isMember(tenant.realm(), organization, id));
    }
    return account.map(UUID::fromString);
  }

  @Override
  public Delivery deliver(TenantRef tenant, Optional<UUID> account, Letter letter) {
    if (!mailer.enabled()) {
      return Delivery.NOT_MAILED;
    }
    String link = links.invitation(tenant.slug(), letter.token());
    // A person with an account in a shared realm (another organization's) keeps it: they join the
    // tenant's organization and get the join link like anyone who has an account.
    if (account.isEmpty() && users.admitGuest(tenant, letter.email(), link)) {
      return Delivery.ACCOUNT_SETUP_MAILED;
    }
    mailer.send(
        new Mailer.Mail(
            letter.email(),
            letter.invitedBy() + " invited you to " + letter.workspaceName() + " on Plexica",
            text(tenant, letter, link)));
    return Delivery.JOIN_LINK_MAILED;
  }

  static String text(TenantRef tenant, Letter letter, String link) {
    return "Hello,\n\n"
        + letter.invitedBy()
        + " invited you to the workspace \""
        + letter.workspaceName()
        + "\" of the organization "
        + tenant.slug()
        + " on Plexica, as "
        + letter.role().name().toLowerCase(java.util.Locale.ROOT)
        + ".\n\nOpen this link to accept or decline (you log in first):\n"
        + link
        + "\n\nNo password yet, or forgotten? Choose \"Forgot password?\" on the login page."
        + "\n\nThe invitation is valid until "
        + DAY.format(letter.expiresAt())
        + ". If you did not expect it, ignore this mail.\n";
  }
}
