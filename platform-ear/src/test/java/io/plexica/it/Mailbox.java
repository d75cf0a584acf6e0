package io.plexica.it;

import static io.restassured.RestAssured.given;

import io.plexica.testing.Await;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dev mailbox (GreenMail, started by bin/plexica test) read over its API: what reached an
 * address, and the invitation links in it.
 */
final class Mailbox {
  private static final String API =
      System.getProperty(
          "plexica.mail.api-url", Platform.env("PLEXICA_MAIL_API_URL", "http://127.0.0.1:28025"));

  private Mailbox() {}

  /** The mails the address holds, waiting up to 20 s for the first. */
  static List<Map<String, Object>> to(String address) {
    return to(address, 1);
  }

  /** The mails to the address once there are {@code count}, or what there is after 20 s. */
  static List<Map<String, Object>> to(String address, int count) {
    return Await.latest(
        () -> {
          Response inbox = given().get(API + "/api/user/" + address + "/messages/INBOX");
          return inbox.statusCode() == 200
              ? inbox.jsonPath().<Map<String, Object>>getList("$")
              : List.<Map<String, Object>>of();
        },
        mails -> mails.size() >= count,
        Duration.ofSeconds(20),
        Duration.ofMillis(300));
  }

  /** The mail's text, with quoted-printable soft breaks and {@code =3D} undone. */
  static String body(Map<String, Object> mail) {
    return ((String) mail.get("mimeMessage")).replaceAll("=\r?\n", "").replace("=3D", "=");
  }

  /**
   * The token of the invitation link in the {@code nth} mail (1-based) to the address, a person
   * with an account: the platform mails the link right after the invitation is made.
   */
  static String invitationToken(String address, String tenant, int nth)
      throws InterruptedException {
    List<Map<String, Object>> mails = to(address, nth);
    if (mails.size() < nth) {
      throw new AssertionError("No mail number " + nth + " to " + address + " within 20 s");
    }
    String body = body(mails.get(nth - 1));
    Matcher link =
        Pattern.compile("/invitations/accept\\?tenant=" + tenant + "&token=([A-Za-z0-9_-]+)")
            .matcher(body);
    if (!link.find()) {
      throw new AssertionError("No invitation link in the mail to " + address + ":\n" + body);
    }
    return link.group(1);
  }
}
