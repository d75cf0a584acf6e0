package io.plexica.shared.mail;

/** Sends the platform's own mails (Keycloak sends its own with the same settings). */
public interface Mailer {

  /** A mail to one person: a subject and a plain-text body. */
  record Mail(String to, String subject, String text) {
    @Override
    public String toString() {
      return "Mail[to " + to + ": " + subject + "]";
    }
  }

  /** Whether mails can be sent at all (an SMTP server is configured). */
  boolean enabled();

  /** Sends the mail; {@code mail-unavailable} (503) when it cannot. */
  void send(Mail mail);
}
