package io.plexica.shared.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's mail settings, from MicroProfile Config ({@code PLEXICA_MAIL_*}): unset host, no
 * mail.
 */
@ApplicationScoped
public class MailBeans {

  @Produces
  @Singleton
  MailSettings settings(
      @ConfigProperty(name = "plexica.mail.smtp.host") Optional<String> host,
      @ConfigProperty(name = "plexica.mail.smtp.port", defaultValue = "25") int port,
      @ConfigProperty(name = "plexica.mail.from") Optional<String> from,
      @ConfigProperty(name = "plexica.mail.from-name") Optional<String> fromName,
      @ConfigProperty(name = "plexica.mail.smtp.user") Optional<String> user,
      @ConfigProperty(name = "plexica.mail.smtp.password") Optional<String> password,
      @ConfigProperty(name = "plexica.mail.smtp.starttls", defaultValue = "false") boolean startTls,
      @ConfigProperty(name = "plexica.mail.smtp.ssl", defaultValue = "false") boolean ssl) {
    return new MailSettings(
        host.orElse(""),
        port,
        from.orElse(null),
        fromName.orElse(null),
        user.orElse(""),
        password.orElse(""),
        startTls,
        ssl);
  }

  @Produces
  @Singleton
  Mailer mailer(MailSettings settings) {
    return new SmtpMailer(settings);
  }
}
