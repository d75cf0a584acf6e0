package io.plexica.shared.mail;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Mails through the configured SMTP server with Jakarta Mail, within short time limits. */
public class SmtpMailer implements Mailer {
  /** The same type as the identity provider's mail failures: to a person, mail is mail. */
  public static final ProblemType MAIL_UNAVAILABLE =
      new ProblemType("mail-unavailable", 503, "The mail could not be sent");

  private static final Logger LOG = Logger.getLogger(SmtpMailer.class.getName());
  private static final String TIMEOUT_MILLIS = "10000";

  private final MailSettings settings;
  private final Session session;

  public SmtpMailer(MailSettings settings) {
    this.settings = settings;
    this.session = settings.enabled() ? session(settings) : null;
  }

  private static Session session(MailSettings settings) {
    String protocol = settings.ssl() ? "smtps" : "smtp";
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", protocol);
    properties.put("mail." + protocol + ".host", settings.host());
    properties.put("mail." + protocol + ".port", Integer.toString(settings.port()));
    properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
    properties.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
    properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
    properties.put("mail." + protocol + ".auth", Boolean.toString(settings.authenticates()));
    properties.put("mail." + protocol + ".starttls.enable", Boolean.toString(settings.startTls()));
    properties.put(
        "mail." + protocol + ".starttls.required", Boolean.toString(settings.startTls()));
    properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    Authenticator authenticator =
        settings.authenticates()
            ? new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.user(), settings.password());
              }
            }
            : null;
    return Session.getInstance(properties, authenticator);
  }

  @Override
  public boolean enabled() {
    return session != null;
  }

  @Override
  public void send(Mail mail) {
    if (session == null) {
      throw new ProblemException(
          MAIL_UNAVAILABLE,
          "No mail server is configured (PLEXICA_MAIL_SMTP_HOST); pass the link on by hand.");
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(
          new InternetAddress(settings.from(), settings.fromName(), StandardCharsets.UTF_8.name()));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setText(mail.text(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      Transport.send(message);
    } catch (MessagingException | UnsupportedEncodingException e) {
      LOG.log(Level.WARNING, "Could not send " + mail, e);
      throw new ProblemException(
          MAIL_UNAVAILABLE, "The mail to " + mail.to() + " could not be sent; try again later.", e);
    }
  }
}
