package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens against the running platform and the real Keycloak: who gets through where, and every way
 * a bad token must fail with 401 problem+json.
 */
class AuthenticationIT {
  private static String tenantA;
  private static String tenantB;
  private static String tokenA;

  @BeforeAll
  static void twoTenants() {
    tenantA = Platform.uniqueSlug("auth-a");
    tenantB = Platform.uniqueSlug("auth-b");
    Platform.createActiveTenant(tenantA);
    Platform.createActiveTenant(tenantB);
    tokenA = Platform.token(tenantA, Platform.adminOf(tenantA), Platform.DEV_PASSWORD);
  }

  private static Response workspacesWith(String token) {
    return Platform.anonymous().auth().oauth2(token).get("/workspaces");
  }

  @Test
  void aTenantAdministratorSeesItselfAndItsTenant() {
    Response me = Platform.anonymous().auth().oauth2(tokenA).get("/me");

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.<String>path("username")).isEqualTo(Platform.adminOf(tenantA));
    assertThat(me.<String>path("tenant.slug")).isEqualTo(tenantA);
    assertThat(me.<List<String>>path("roles")).contains("admin");
    assertThat(me.<Boolean>path("platformAdmin")).isFalse();
    assertThat(workspacesWith(tokenA).statusCode()).isEqualTo(200);
  }

  @Test
  void theSuperAdminSeesItselfWithoutATenant() {
    Response me = Platform.api().get("/me");

    assertThat(me.<Boolean>path("platformAdmin")).isTrue();
    assertThat(me.<String>path("realm")).isEqualTo("plexica-platform");
    assertThat(me.<Object>path("tenant")).isNull();
  }

  @Test
  void anonymousCallersMustAuthenticate() {
    Response tenants = Platform.anonymous().get("/tenants");
    assertProblem(tenants, 401, "authentication-required");
    assertThat(tenants.header("WWW-Authenticate")).startsWith("Bearer");
    assertProblem(Platform.anonymous().get("/workspaces"), 401, "authentication-required");
    assertProblem(Platform.anonymous().get("/me"), 401, "authentication-required");
  }

  @Test
  void tenantTokensNeverReachPlatformManagement() {
    assertProblem(Platform.anonymous().auth().oauth2(tokenA).get("/tenants"), 403, "forbidden");
    assertProblem(
        Platform.anonymous()
            .auth()
            .oauth2(tokenA)
            .body("{\"slug\":\"sneaky\",\"name\":\"x\",\"adminEmail\":\"a@b.example\"}")
            .post("/tenants"),
        403,
        "forbidden");
    assertProblem(Platform.api().get("/workspaces"), 403, "forbidden");
  }

  @Test
  void aTokenOfOneTenantIsRefusedForAnother() {
    assertProblem(
        Platform.anonymous()
            .auth()
            .oauth2(tokenA)
            .header("X-Tenant-ID", tenantB)
            .get("/workspaces"),
        401,
        "token-tenant-mismatch");
    Platform.anonymous()
        .auth()
        .oauth2(tokenA)
        .header("X-Tenant-ID", tenantA)
        .get("/workspaces")
        .then()
        .statusCode(200);
  }

  @Test
  void badTokensAreRefused() {
    String[] parts = tokenA.split("\\.");
    String header = parts[0];
    String payload = parts[1];

    assertProblem(workspacesWith("not-a-jwt"), 401, "invalid-token");
    assertProblem(
        Platform.anonymous().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/workspaces"),
        401,
        "invalid-token");
    // alg=none with the real claims
    assertProblem(
        workspacesWith(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + "."),
        401,
        "invalid-token");
    // HS256, "signed" with the realm's public keys as the HMAC secret
    String jwks =
        given()
            .baseUri(Platform.KEYCLOAK_URL)
            .get("/realms/" + tenantA + "/protocol/openid-connect/certs")
            .asString();
    String hsHeader = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    assertProblem(
        workspacesWith(hsHeader + "." + payload + "." + hmac(jwks, hsHeader + "." + payload)),
        401,
        "invalid-token");
    // forged: the claims changed (another tenant's issuer), the signature kept
    String forgedPayload =
        encode(decode(payload).replace("/realms/" + tenantA + "\"", "/realms/" + tenantB + "\""));
    assertProblem(
        workspacesWith(header + "." + forgedPayload + "." + parts[2]), 401, "invalid-token");
    // issued by the master realm: another issuer and no plexica-api audience
    assertProblem(workspacesWith(Platform.token("master", "admin", "admin")), 401, "invalid-token");
  }

  @Test
  void expiredTokensAreRefused() {
    String slug = Platform.uniqueSlug("expiry");
    Platform.createActiveTenant(slug);
    Platform.keycloakAdmin()
        .body("{\"accessTokenLifespan\": 1}")
        .put("/admin/realms/" + slug)
        .then()
        .statusCode(204);
    String shortLived = Platform.token(slug, Platform.adminOf(slug), Platform.DEV_PASSWORD);

    // one second of life plus the verifier's ten seconds of allowed clock skew
    Platform.sleep(12_500);

    Response refused = workspacesWith(shortLived);
    assertProblem(refused, 401, "invalid-token");
    assertThat(refused.<String>path("detail")).contains("expired");
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String hmac(String secret, String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
