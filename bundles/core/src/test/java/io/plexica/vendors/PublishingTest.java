package io.plexica.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.plugins.app.PluginCallMetrics;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.shared.mail.MailSettings;
import io.plexica.shared.mail.SmtpMailer;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.query.PageRequest;
import io.plexica.testing.PluginNode;
import io.plexica.testing.SigningKey;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import io.plexica.vendors.app.Publishing;
import io.plexica.vendors.app.VendorAccounts;
import io.plexica.vendors.domain.Submission;
import io.plexica.vendors.domain.Vendor;
import io.plexica.vendors.domain.VendorProblems;
import io.plexica.vendors.domain.VendorStore;
import io.plexica.vendors.infra.SqlVendorStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendors publishing signed bundles, on the test run's PostgreSQL with a real Felix: checks at
 * upload, the review, and the signature and digest checked again at every load.
 */
@UsesServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishingTest {
  /** Stored uncompressed in the test bundles, so that one of its bytes can be changed in place. */
  private static final byte[] NOTES =
      "These notes are signed along with the rest of the bundle.".getBytes(StandardCharsets.UTF_8);

  private final TestPlatform platform = TestPlatform.create();
  private final List<String> pluginsHere = new ArrayList<>();
  @TempDir static Path keys;
  private PluginNode node;
  private VendorStore store;
  private VendorAccounts accounts;
  private Publishing publishing;
  private Vendor acme;
  private Vendor globex;
  private SigningKey acmeKey;
  private SigningKey globexKey;

  @BeforeAll
  void start() throws Exception {
    node = new PluginNode(platform, PluginCallMetrics.NONE);
    store = new SqlVendorStore(TestPlatform.database().dataSource());
    accounts =
        new VendorAccounts(
            store, TestPlatform.realms(), node.deployment, "http://localhost/", Clock.systemUTC());
    publishing =
        new Publishing(
            store, node.deployment, new SmtpMailer(MailSettings.NONE), Clock.systemUTC());
    acme = vendor("acme");
    globex = vendor("globex");
    acmeKey = SigningKey.create(keys, "acme");
    globexKey = SigningKey.create(keys, "globex");
    accounts.addKey(acme.id(), acmeKey.certificatePem());
    accounts.addKey(globex.id(), globexKey.certificatePem());
  }

  @AfterAll
  void stop() {
    for (String id : pluginsHere) {
      if (node.store.find(id).isPresent()) {
        node.deployment.remove(id);
      }
    }
    store.delete(acme.id());
    store.delete(globex.id());
    node.close();
  }

  @Test
  void aSignedBundleWaitsForReviewAndOnceApprovedRunsAsItsVendorsSigned() {
    String id = plugin("signed");
    Submission submitted = publishing.submit(acme, acmeKey.sign(bundle(id, "1.0.0")));

    assertThat(submitted.status()).isEqualTo(Submission.Status.PENDING);
    assertThat(submitted.signer())
        .isEqualTo(io.plexica.shared.security.Certificates.fingerprint(acmeKey.certificate()));
    assertThat(node.store.find(id)).as("not deployed before review").isEmpty();
    assertThat(queue()).extracting(Submission::id).contains(submitted.id());

    publishing.approve(submitted.id(), "admin");

    assertThat(node.store.find(id).orElseThrow().vendorId()).contains(acme.id());
    assertThat(node.store.signerCertificate(id, "1.0.0")).isPresent();
    assertThat(node.runtime.activeVersions(id)).containsExactly("1.0.0");
    assertThat(publishing.get(submitted.id()).status()).isEqualTo(Submission.Status.APPROVED);
    assertThat(publishing.get(submitted.id()).decidedBy()).contains("admin");
    assertThat(accounts.pluginsOf(acme.id())).contains(id);
    assertThat(queue()).extracting(Submission::id).doesNotContain(submitted.id());
    assertThatThrownBy(() -> publishing.approve(submitted.id(), "admin"))
        .satisfies(e -> assertType(e, VendorProblems.SUBMISSION_DECIDED.slug()));
  }

  @Test
  void anUnsignedBundleAnotherVendorsKeyAndOneByteChangedAreRefusedAtUpload() {
    String id = plugin("refused");
    byte[] signed = acmeKey.sign(bundle(id, "1.0.0"));

    assertThatThrownBy(() -> publishing.submit(acme, bundle(id, "1.0.0")))
        .satisfies(e -> assertType(e, "plugin-signature-invalid"))
        .hasMessageContaining("is not signed");
    assertThatThrownBy(() -> publishing.submit(acme, globexKey.sign(bundle(id, "1.0.0"))))
        .satisfies(e -> assertType(e, "plugin-signature-invalid"))
        .hasMessageContaining("not signed by a key registered for its vendor");
    assertThatThrownBy(() -> publishing.submit(acme, TestBundles.withOneByteChanged(signed, NOTES)))
        .satisfies(e -> assertType(e, "plugin-signature-invalid"))
        .hasMessageContaining("does not match its signature");

    assertThat(submissionsOf(id)).as("nothing queued").isEmpty();
  }

  @Test
  void aVendorPublishesOnlyItsOwnPluginsAndEachVersionOnce() {
    String id = plugin("owned");
    Submission first = publishing.submit(acme, acmeKey.sign(bundle(id, "1.0.0")));

    assertThatThrownBy(() -> publishing.submit(globex, globexKey.sign(bundle(id, "1.0.1"))))
        .as("another vendor's pending id")
        .satisfies(e -> assertType(e, VendorProblems.PLUGIN_NOT_YOURS.slug()));
    assertThatThrownBy(() -> publishing.submit(acme, acmeKey.sign(bundle(id, "1.0.0"))))
        .satisfies(e -> assertType(e, VendorProblems.SUBMISSION_EXISTS.slug()));
    assertThatThrownBy(() -> publishing.getOf(globex, first.id()))
        .satisfies(e -> assertType(e, VendorProblems.SUBMISSION_NOT_FOUND.slug()));
    assertThatThrownBy(() -> publishing.withdraw(globex, first.id(), "globex"))
        .satisfies(e -> assertType(e, VendorProblems.SUBMISSION_NOT_FOUND.slug()));

    publishing.approve(first.id(), "admin");
    assertThatThrownBy(() -> publishing.submit(globex, globexKey.sign(bundle(id, "2.0.0"))))
        .as("another vendor's published plugin")
        .satisfies(e -> assertType(e, VendorProblems.PLUGIN_NOT_YOURS.slug()));

    String platforms = plugin("platforms");
    node.deployment.deploy(bundle(platforms, "1.0.0"));
    assertThatThrownBy(() -> publishing.submit(acme, acmeKey.sign(bundle(platforms, "1.1.0"))))
        .satisfies(e -> assertType(e, VendorProblems.PLUGIN_NOT_YOURS.slug()))
        .hasMessageContaining("belongs to the platform");
  }

  @Test
  void aRejectionKeepsItsReasonAWithdrawalEndsTheWaitAndNeitherDeploys() {
    String id = plugin("rejected");
    Submission rejected = publishing.submit(acme, acmeKey.sign(bundle(id, "1.0.0")));
    publishing.reject(rejected.id(), "The description promises more than it does.", "admin");

    assertThat(publishing.get(rejected.id()).reason())
        .contains("The description promises more than it does.");
    assertThat(node.store.find(id)).isEmpty();

    Submission withdrawn = publishing.submit(acme, acmeKey.sign(bundle(id, "1.0.0")));
    assertThat(publishing.withdraw(acme, withdrawn.id(), "acme").status())
        .isEqualTo(Submission.Status.WITHDRAWN);
    assertThatThrownBy(() -> publishing.approve(withdrawn.id(), "admin"))
        .satisfies(e -> assertType(e, VendorProblems.SUBMISSION_DECIDED.slug()));
    assertThat(node.store.find(id)).isEmpty();
  }

  @Test
  void aVersionChangedInTheRegistryIsNotLoadedSignedOrNot() throws Exception {
    String signed = plugin("tampered");
    publishing.approve(
        publishing.submit(acme, acmeKey.sign(bundle(signed, "1.0.0"))).id(), "admin");
    String unsigned = plugin("tampered-own");
    node.deployment.deploy(bundle(unsigned, "1.0.0"));

    for (String id : List.of(signed, unsigned)) {
      byte[] stored = node.store.bundle(id, "1.0.0").orElseThrow();
      writeBundle(id, "1.0.0", TestBundles.withOneByteChanged(stored, NOTES));
    }

    try (PluginNode other = new PluginNode(platform, PluginCallMetrics.NONE)) {
      other.deployment.activateAll();
      assertThat(other.runtime.activeVersions(signed)).as("not loaded at start-up").isEmpty();
      assertThat(other.runtime.activeVersions(unsigned)).isEmpty();
      assertThatThrownBy(() -> other.deployment.ensureRunning(signed, "1.0.0"))
          .satisfies(e -> assertType(e, PluginProblems.BUNDLE_TAMPERED.slug()))
          .hasMessageContaining("SHA-256");
      // Nor are its migrations or UI files read from it.
      assertThatThrownBy(() -> other.deployment.bundle(unsigned, "1.0.0"))
          .satisfies(e -> assertType(e, PluginProblems.BUNDLE_TAMPERED.slug()));
    }
  }

  @Test
  void aSignatureStrippedInTheRegistryWithItsDigestUpdatedIsStillNotLoaded() throws Exception {
    String id = plugin("resigned");
    publishing.approve(publishing.submit(acme, acmeKey.sign(bundle(id, "1.0.0"))).id(), "admin");
    // Someone with the database rewrites the bundle signed by another key, digest and all.
    byte[] other = globexKey.sign(bundle(id, "1.0.0"));
    writeBundle(id, "1.0.0", other);
    update(
        "UPDATE plexica_core.plugin_version SET sha256 = ? WHERE plugin_id = ? AND version = ?",
        io.plexica.plugins.app.PluginDeployment.sha256(other),
        id,
        "1.0.0");

    try (PluginNode fresh = new PluginNode(platform, PluginCallMetrics.NONE)) {
      assertThatThrownBy(() -> fresh.deployment.ensureRunning(id, "1.0.0"))
          .satisfies(e -> assertType(e, PluginProblems.BUNDLE_TAMPERED.slug()))
          .hasMessageContaining("not signed by a key registered");
    }
  }

  @Test
  void aKeyIsACurrentCertificateRegisteredOnceAndItsRemovalStopsItsUploads() {
    assertThatThrownBy(() -> accounts.addKey(acme.id(), "not a certificate"))
        .satisfies(e -> assertType(e, "validation-failed"));
    assertThat(accounts.addKey(acme.id(), acmeKey.certificatePem()).fingerprint())
        .as("the same one again")
        .isEqualTo(io.plexica.shared.security.Certificates.fingerprint(acmeKey.certificate()));
    assertThat(accounts.keys(acme.id())).hasSize(1);

    SigningKey spare = SigningKey.create(keys, "acme-spare");
    String fingerprint = accounts.addKey(acme.id(), spare.certificatePem()).fingerprint();
    assertThat(accounts.keysByVendor().get(acme.id()))
        .as("every vendor's keys read at once, as each vendor's own")
        .isEqualTo(accounts.keys(acme.id()))
        .hasSize(2);
    assertThat(accounts.keysByVendor().get(globex.id())).isEqualTo(accounts.keys(globex.id()));
    String id = plugin("spare");
    Submission pending = publishing.submit(acme, spare.sign(bundle(id, "1.0.0")));
    accounts.removeKey(acme.id(), fingerprint);

    assertThatThrownBy(() -> publishing.submit(acme, spare.sign(bundle(id, "1.0.1"))))
        .satisfies(e -> assertType(e, "plugin-signature-invalid"));
    assertThatThrownBy(() -> publishing.approve(pending.id(), "admin"))
        .as("signed with a key removed since")
        .satisfies(e -> assertType(e, "plugin-signature-invalid"));
    assertThat(node.store.find(id)).isEmpty();
  }

  private List<Submission> queue() {
    return publishing
        .submissions(
            Optional.empty(), Optional.of(Submission.Status.PENDING), new PageRequest(0, 100))
        .items();
  }

  private List<Submission> submissionsOf(String pluginId) {
    return store
        .submissions(
            Optional.empty(), Optional.of(pluginId), Optional.empty(), new PageRequest(0, 100))
        .items();
  }

  private Vendor vendor(String prefix) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Vendor vendor =
        new Vendor(
            id,
            prefix,
            id + "@vendors.example",
            UUID.randomUUID().toString(),
            java.time.Instant.now());
    assertThat(store.create(vendor)).isTrue();
    return vendor;
  }

  private String plugin(String prefix) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    pluginsHere.add(0, id);
    return id;
  }

  private static byte[] bundle(String id, String version) {
    return TestBundles.withStoredEntry(
        TestBundles.plugin(id, version, "", Map.of()), "notes.txt", NOTES);
  }

  private static void writeBundle(String id, String version, byte[] bundle) throws Exception {
    update(
        "UPDATE plexica_core.plugin_version SET bundle = ? WHERE plugin_id = ? AND version = ?",
        bundle,
        id,
        version);
  }

  private static void update(String sql, Object... parameters) throws Exception {
    try (Connection connection = TestPlatform.database().dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }

  private static void assertType(Throwable e, String type) {
    assertThat(e).isInstanceOf(ProblemException.class);
    assertThat(((ProblemException) e).type().slug()).isEqualTo(type);
  }
}
