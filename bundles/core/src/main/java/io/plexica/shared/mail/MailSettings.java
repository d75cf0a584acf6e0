package io.plexica.shared.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SMTP server that mails people for the platform: Keycloak's (invitations, password resets,
 * address checks) in every realm, and the platform's own (workspace invitations). Without a host,
 * nothing is mailed and people get links to pass on by hand.
 */
public record MailSettings(
    String host,
    int port,
    String from,
    String fromName,
    String user,
    String password,
    boolean startTls,
    boolean ssl) {

  private static final String NONE_FROM = "no-reply@plexica.local";

  /** No SMTP server: nothing is mailed. */
  public static final MailSettings NONE =
      new MailSettings("", 25, NONE_FROM, "Plexica", "", "", false, false);

  public MailSettings {
    host = host == null ? "" : host.strip();
    from = blank(from) ? NONE_FROM : from.strip();
    fromName = blank(fromName) ? "Plexica" : fromName.strip();
    user = user == null ? "" : user.strip();
    password = password == null ? "" : password;
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("plexica.mail.smtp.port must be a port number: " + port);
    }
  }

  public boolean enabled() {
    return !host.isEmpty();
  }

  public boolean authenticates() {
    return !user.isEmpty();
  }

  /** Keycloak's realm {@code smtpServer} settings; empty when nothing is mailed. */
  public Map<String, String> keycloakSmtpServer() {
    Map<String, String> smtp = new LinkedHashMap<>();
    if (!enabled()) {
      return smtp;
    }
    smtp.put("host", host);
    smtp.put("port", Integer.toString(port));
    smtp.put("from", from);
    smtp.put("fromDisplayName", fromName);
    smtp.put("starttls", Boolean.toString(startTls));
    smtp.put("ssl", Boolean.toString(ssl));
    smtp.put("auth", Boolean.toString(authenticates()));
    if (authenticates()) {
      smtp.put("user", user);
      smtp.put("password", password);
    }
    return smtp;
  }

  @Override
  public String toString() {
    return "MailSettings[" + (enabled() ? host + ":" + port : "off") + ", from " + from + "]";
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
