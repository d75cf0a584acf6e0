import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the platform's service account in Keycloak's master realm: a confidential client whose
 * service account holds only the realm role create-realm. Keycloak makes the creator of a realm its
 * administrator, so the platform manages the realms it creates and nothing else. Realms that exist
 * already (made by an earlier launcher as the master administrator) are granted to it once, when
 * the account is made. Its access tokens are lightweight (no role claims; Keycloak reads the
 * account's roles from its database): a full token carries every realm's administration roles,
 * about 550 bytes a realm, and past some 120 realms Keycloak refuses it as a header too large
 * (HTTP 431). Run by bin/plexica with the master administrator's credentials:
 *
 * <pre>java ServiceAccount.java URL ADMIN_USER ADMIN_PASSWORD CLIENT_ID CLIENT_SECRET</pre>
 */
public class ServiceAccount {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern REALM = Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"");

  private static String base;
  private static String token;

  public static void main(String[] args) throws Exception {
    base = args[0];
    String clientId = args[3];
    String secret = args[4];
    token =
        field(
            send(
                "POST",
                "/realms/master/protocol/openid-connect/token",
                "application/x-www-form-urlencoded",
                "grant_type=password&client_id=admin-cli&username="
                    + URLEncoder.encode(args[1], StandardCharsets.UTF_8)
                    + "&password="
                    + URLEncoder.encode(args[2], StandardCharsets.UTF_8)),
            "access_token");
    String client =
        """
        {"clientId":"%s","secret":"%s","publicClient":false,"serviceAccountsEnabled":true,\
        "standardFlowEnabled":false,"directAccessGrantsEnabled":false,"implicitFlowEnabled":false,\
        "attributes":{"client.use.lightweight.access.token.enabled":"true"}}"""
            .formatted(clientId, secret);
    String existing = first(ID, get("/admin/realms/master/clients?clientId=" + clientId));
    if (existing != null) {
      // Already made: keep its secret the one the platform is given.
      send("PUT", "/admin/realms/master/clients/" + existing, "application/json", client);
      System.out.println("Keycloak: service account " + clientId + " ready");
      return;
    }
    send("POST", "/admin/realms/master/clients", "application/json", client);
    String internal = first(ID, get("/admin/realms/master/clients?clientId=" + clientId));
    String user =
        first(ID, get("/admin/realms/master/clients/" + internal + "/service-account-user"));
    String createRealm = get("/admin/realms/master/roles/create-realm");
    send(
        "POST",
        "/admin/realms/master/users/" + user + "/role-mappings/realm",
        "application/json",
        "[" + createRealm + "]");
    List<String> realms = all(REALM, get("/admin/realms?briefRepresentation=true"));
    for (String realm : realms) {
      if (realm.equals("master")) {
        continue;
      }
      String adminClient = first(ID, get("/admin/realms/master/clients?clientId=" + realm + "-realm"));
      if (adminClient != null) {
        String roles = get("/admin/realms/master/clients/" + adminClient + "/roles");
        send(
            "POST",
            "/admin/realms/master/users/" + user + "/role-mappings/clients/" + adminClient,
            "application/json",
            roles);
      }
    }
    System.out.println(
        "Keycloak: service account " + clientId + " made (create-realm; " + (realms.size() - 1)
            + " existing realm(s) granted)");
  }

  private static String get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  private static String send(String method, String path, String type, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("No " + name + " in " + json);
    }
    return m.group(1);
  }

  private static String first(Pattern pattern, String json) {
    Matcher m = pattern.matcher(json);
    return m.find() ? m.group(1) : null;
  }

  private static List<String> all(Pattern pattern, String json) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(json);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
