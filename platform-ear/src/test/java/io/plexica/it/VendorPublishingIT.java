package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.Await;
import io.plexica.testing.SigningKey;
import io.plexica.testing.TestBundles;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing as vendors do it, on the running platform: an account made by a platform
 * administrator, a signing key registered, a signed bundle uploaded and checked, reviewed in the
 * queue, approved and installed by a tenant; and what another vendor cannot do.
 */
class VendorPublishingIT {
  private static final byte[] NOTES =
      "Signed along with everything else in the bundle.".getBytes(StandardCharsets.UTF_8);
  private static final String JAR = "application/java-archive";
  private static final byte[] SCREENSHOT = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir static Path keys;
  private static Platform.Vendor acme;
  private static Platform.Vendor globex;
  private static SigningKey acmeKey;
  private static SigningKey globexKey;

  @BeforeAll
  static void vendors() {
    acme = Platform.newVendor("acme");
    globex = Platform.newVendor("globex");
    acmeKey = SigningKey.create(keys, "acme");
    globexKey = SigningKey.create(keys, "globex");
    register(acme, acmeKey);
    register(globex, globexKey);
  }

  private static void register(Platform.Vendor vendor, SigningKey key) {
    Response registered =
        as(vendor).body(Map.of("certificate", key.certificatePem())).post("/vendor/keys");
    assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
  }

  @Test
  void aVendorsAccountGetsTheLinkToSetItsPasswordAndATakenIdOrAddressMakesNothing() {
    List<Map<String, Object>> mails = Mailbox.to(acme.email());
    assertThat(mails).isNotEmpty();
    assertThat((String) mails.get(0).get("subject")).isEqualTo("Update Your Account");
    assertThat(Mailbox.body(mails.get(0))).contains("/realms/plexica-platform/login-actions/");
    assertThat(as(acme).get("/vendor").<String>path("id")).isEqualTo(acme.id());

    Platform.assertProblem(
        Platform.api()
            .body(Map.of("id", acme.id(), "name", "Again", "email", "again@vendors.example"))
            .post("/admin/vendors"),
        409,
        "vendor-exists");
    String other = Platform.uniqueSlug("same-address");
    Platform.assertProblem(
        Platform.api()
            .body(Map.of("id", other, "name", "Same address", "email", acme.email()))
            .post("/admin/vendors"),
        409,
        "user-exists");
    Platform.assertProblem(Platform.api().get("/admin/vendors/" + other), 404, "vendor-not-found");
    Response invalid =
        Platform.api()
            .body(Map.of("id", "Not An Id", "name", "", "email", "nope"))
            .post("/admin/vendors");
    Platform.assertProblem(invalid, 400, "validation-failed");
    assertThat(invalid.<List<String>>path("errors.field")).contains("id", "name", "email");
  }

  @Test
  void aSignedBundleIsCheckedReviewedApprovedAndInstalledWhileAChangedOneIsRefused() {
    String id = Platform.uniqueSlug("tasks");
    byte[] signed =
        acmeKey.sign(
            TestBundles.withStoredEntry(
                bundle(
                    id,
                    "1.0.0",
                    ",\"changelog\":\"Boards and lists.\",\"screenshots\":[\"ui/screens/board.png\"]"),
                "ui/screens/board.png",
                SCREENSHOT));

    Platform.assertProblem(
        submit(acme, TestBundles.withOneByteChanged(signed, NOTES)),
        400,
        "plugin-signature-invalid");
    Platform.assertProblem(submit(acme, bundle(id, "1.0.0")), 400, "plugin-signature-invalid");
    Response submitted = submit(acme, signed);
    assertThat(submitted.statusCode()).as(submitted.asString()).isEqualTo(201);
    assertThat(submitted.<String>path("status")).isEqualTo("PENDING");
    String submission = submitted.path("id");
    Platform.assertProblem(Platform.api().get("/admin/plugins/" + id), 404, "plugin-not-found");

    Response queue =
        Platform.api().queryParam("status", "PENDING").get("/admin/plugin-submissions");
    assertThat(queue.<List<String>>path("items.id")).contains(submission);
    assertThat(
            Platform.api().get("/admin/plugin-submissions/" + submission + "/bundle").asByteArray())
        .isEqualTo(signed);

    Response approved = Platform.api().post("/admin/plugin-submissions/" + submission + "/approve");
    assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(200);
    assertThat(approved.<String>path("status")).isEqualTo("APPROVED");
    assertThat(Platform.api().get("/admin/plugins/" + id).statusCode()).isEqualTo(200);
    assertThat(as(acme).get("/vendor/plugins").<List<String>>path("id")).contains(id);

    String tenant = Platform.uniqueSlug("buyer");
    Platform.createActiveTenant(tenant);
    Response installed =
        Platform.asTenantAdmin(tenant).body(Map.of("pluginId", id)).post("/plugin-installations");
    assertThat(installed.statusCode()).as(installed.asString()).isEqualTo(201);
    Response page = Platform.asTenantAdmin(tenant).get("/marketplace/plugins/" + id);
    assertThat(page.<String>path("versions[0].changelog")).isEqualTo("Boards and lists.");
    String screenshot = page.path("versions[0].screenshots[0]");
    Response picture = Platform.anonymous().baseUri(Platform.BASE_URL).basePath("").get(screenshot);
    assertThat(picture.contentType()).isEqualTo("image/png");
    assertThat(picture.asByteArray()).isEqualTo(SCREENSHOT);
    assertThat(
            as(acme)
                .get("/vendor/plugins")
                .<Integer>path("find { it.id == '" + id + "' }.installations"))
        .isEqualTo(1);

    // The tenant reviews it; its vendor reads the review, naming no tenant, and replies.
    Response reviewed =
        Platform.asTenantAdmin(tenant)
            .body(Map.of("rating", 4, "text", "Good, but no due dates."))
            .put("/marketplace/plugins/" + id + "/review");
    assertThat(reviewed.statusCode()).as(reviewed.asString()).isEqualTo(200);
    Response read = as(acme).get("/vendor/plugins/" + id + "/reviews");
    assertThat(read.<List<String>>path("items.text")).containsExactly("Good, but no due dates.");
    assertThat(read.asString()).doesNotContain(tenant);
    String review = read.path("items[0].id");
    Platform.assertProblem(
        as(globex)
            .body(Map.of("text", "Try ours."))
            .put("/vendor/plugins/" + id + "/reviews/" + review + "/reply"),
        404,
        "plugin-not-found");
    Platform.assertProblem(
        as(acme)
            .body(Map.of("text", " "))
            .put("/vendor/plugins/" + id + "/reviews/" + review + "/reply"),
        400,
        "validation-failed");
    Response replied =
        as(acme)
            .body(Map.of("text", "Due dates come in 1.1."))
            .put("/vendor/plugins/" + id + "/reviews/" + review + "/reply");
    assertThat(replied.statusCode()).as(replied.asString()).isEqualTo(200);
    assertThat(
            Platform.asTenantAdmin(tenant)
                .get("/marketplace/plugins/" + id + "/reviews")
                .<String>path("items[0].reply"))
        .isEqualTo("Due dates come in 1.1.");
  }

  @Test
  void anotherVendorSeesNothingOfAVendorsSubmissionsAndCannotPublishItsPlugin() {
    String id = Platform.uniqueSlug("crm-sync");
    String submission = submit(acme, acmeKey.sign(bundle(id, "1.0.0"))).path("id");

    Platform.assertProblem(
        as(globex).get("/vendor/submissions/" + submission), 404, "submission-not-found");
    Platform.assertProblem(
        as(globex).post("/vendor/submissions/" + submission + "/withdraw"),
        404,
        "submission-not-found");
    assertThat(as(globex).get("/vendor/submissions").<List<String>>path("items.id"))
        .doesNotContain(submission);
    Platform.assertProblem(
        submit(globex, globexKey.sign(bundle(id, "1.1.0"))), 403, "plugin-not-yours");
    Platform.assertProblem(
        submit(globex, acmeKey.sign(bundle(Platform.uniqueSlug("stolen"), "1.0.0"))),
        400,
        "plugin-signature-invalid");
    Platform.assertProblem(
        as(globex).post("/admin/plugin-submissions/" + submission + "/approve"), 403, "forbidden");
    Platform.assertProblem(as(globex).get("/admin/plugins"), 403, "forbidden");
    Platform.assertProblem(as(globex).get("/workspaces"), 403, "forbidden");

    Response withdrawn = as(acme).post("/vendor/submissions/" + submission + "/withdraw");
    assertThat(withdrawn.<String>path("status")).isEqualTo("WITHDRAWN");
    Platform.assertProblem(
        Platform.api().post("/admin/plugin-submissions/" + submission + "/approve"),
        409,
        "submission-decided");
  }

  @Test
  void aRejectionReachesTheVendorWithItsReason() {
    String id = Platform.uniqueSlug("gadgets");
    String submission = submit(acme, acmeKey.sign(bundle(id, "1.0.0"))).path("id");
    String reason = "The permissions ask for more than the plugin does (" + id + ").";

    Platform.assertProblem(
        Platform.api().body("{}").post("/admin/plugin-submissions/" + submission + "/reject"),
        400,
        "validation-failed");
    Response rejected =
        Platform.api()
            .body(Map.of("reason", reason))
            .post("/admin/plugin-submissions/" + submission + "/reject");
    assertThat(rejected.<String>path("status")).isEqualTo("REJECTED");
    assertThat(as(acme).get("/vendor/submissions/" + submission).<String>path("reason"))
        .isEqualTo(reason);
    assertThat(
            Await.latest(
                () -> Mailbox.to(acme.email()),
                mails -> mails.stream().anyMatch(m -> Mailbox.body(m).contains(reason)),
                Duration.ofSeconds(20),
                Duration.ofMillis(300)))
        .anyMatch(m -> ((String) m.get("subject")).contains("was not approved"));
  }

  private static RequestSpecification as(Platform.Vendor vendor) {
    return Platform.anonymous().auth().oauth2(vendor.token());
  }

  private static Response submit(Platform.Vendor vendor, byte[] bundle) {
    return as(vendor).contentType(JAR).body(bundle).post("/vendor/submissions");
  }

  private static byte[] bundle(String id, String version) {
    return bundle(id, version, "");
  }

  /** A code-less plugin; {@code more} ends its plugin.json. */
  private static byte[] bundle(String id, String version, String more) {
    return TestBundles.withStoredEntry(
        TestBundles.plugin(id, version, more, Map.of()), "notes.txt", NOTES);
  }
}
