package io.plexica.vendors.app;

import io.plexica.plugincheck.BundleRefusal;
import io.plexica.plugincheck.BundleSignature;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.mail.Mailer;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.query.PageRequest;
import io.plexica.shared.security.Certificates;
import io.plexica.vendors.domain.Submission;
import io.plexica.vendors.domain.Submission.Status;
import io.plexica.vendors.domain.Vendor;
import io.plexica.vendors.domain.VendorKey;
import io.plexica.vendors.domain.VendorProblems;
import io.plexica.vendors.domain.VendorStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Publishing by vendors: a signed bundle is checked at once (what a deploy checks, the signature
 * against the vendor's registered keys, that the plugin is the vendor's) and waits for a platform
 * administrator, who approves it (deployed as the vendor's, signed) or rejects it with a reason.
 */
public class Publishing {
  private static final Logger LOG = Logger.getLogger(Publishing.class.getName());

  private final VendorStore store;
  private final PluginDeployment deployment;
  private final Mailer mailer;
  private final Clock clock;

  public Publishing(VendorStore store, PluginDeployment deployment, Mailer mailer, Clock clock) {
    this.store = store;
    this.deployment = deployment;
    this.mailer = mailer;
    this.clock = clock;
  }

  /**
   * Checks a vendor's bundle and queues it for review. Refused, with what to do: a bundle a deploy
   * would refuse, one not signed by a key the vendor registered (or changed since it was signed), a
   * plugin another vendor or the platform publishes, a version submitted already.
   */
  public Submission submit(Vendor vendor, byte[] bundle) {
    PluginManifest manifest = deployment.vet(bundle);
    requireOwnPlugin(vendor.id(), manifest.id());
    Map<String, VendorKey> keys = keysOf(vendor.id());
    if (keys.isEmpty()) {
      throw new ProblemException(
          VendorProblems.NO_KEYS,
          "Register the certificate you sign bundles with (POST /api/v1/vendor/keys) before you"
              + " publish.");
    }
    X509Certificate signer = signer(bundle, keys.values().stream().map(VendorKey::certificate));
    Submission submission =
        new Submission(
            UUID.randomUUID(),
            vendor.id(),
            manifest.id(),
            manifest.version(),
            manifest.name(),
            manifest.json(),
            PluginDeployment.sha256(bundle),
            Certificates.fingerprint(signer),
            bundle.length,
            Status.PENDING,
            Optional.empty(),
            clock.instant(),
            Optional.empty(),
            Optional.empty());
    if (!store.submit(submission, bundle)) {
      throw new ProblemException(
          VendorProblems.SUBMISSION_EXISTS,
          "Plugin '"
              + manifest.id()
              + "' "
              + manifest.version()
              + " waits for review or was approved already; publish a higher version.");
    }
    return submission;
  }

  /**
   * A plugin is its first publisher's: a vendor publishes only plugins no one else published, or
   * submitted and still waits for.
   */
  private void requireOwnPlugin(String vendorId, String pluginId) {
    Optional<RegisteredPlugin> registered = deployment.find(pluginId);
    if (registered.isPresent() && !registered.get().vendorId().equals(Optional.of(vendorId))) {
      throw new ProblemException(
          VendorProblems.PLUGIN_NOT_YOURS,
          "Plugin id '"
              + pluginId
              + "' belongs to "
              + (registered.get().vendorId().isPresent() ? "another vendor" : "the platform")
              + "; choose another id for your plugin.");
    }
    boolean waitingForAnother =
        store
            .submissions(
                Optional.empty(),
                Optional.of(pluginId),
                Optional.of(Status.PENDING),
                new PageRequest(0, PageRequest.MAX_SIZE))
            .items()
            .stream()
            .anyMatch(s -> !s.vendorId().equals(vendorId));
    if (waitingForAnother) {
      throw new ProblemException(
          VendorProblems.PLUGIN_NOT_YOURS,
          "Another vendor submitted a plugin with id '"
              + pluginId
              + "' first; choose another id for your plugin.");
    }
  }

  private Map<String, VendorKey> keysOf(String vendorId) {
    return store.keys(vendorId).stream()
        .collect(Collectors.toMap(VendorKey::fingerprint, Function.identity()));
  }

  private static X509Certificate signer(
      byte[] bundle, java.util.stream.Stream<X509Certificate> trusted) {
    try {
      return BundleSignature.signer(bundle, trusted.toList());
    } catch (BundleRefusal refusal) {
      throw PluginProblems.refused(refusal);
    }
  }

  public VendorStore.SubmissionPage submissions(
      Optional<String> vendorId, Optional<Status> status, PageRequest page) {
    return store.submissions(vendorId, Optional.empty(), status, page);
  }

  public Submission get(UUID id) {
    return store.submission(id).orElseThrow(() -> notFound(id));
  }

  /** One of the vendor's submissions; another vendor's is not found. */
  public Submission getOf(Vendor vendor, UUID id) {
    Submission submission = get(id);
    if (!submission.vendorId().equals(vendor.id())) {
      throw notFound(id);
    }
    return submission;
  }

  /**
   * Deploys a pending submission as its vendor's plugin, signed. Its bundle is checked again first:
   * unchanged since it was submitted, signed by a key the vendor still has, and everything a deploy
   * checks as the registry stands now. A submission that fails stays pending, for the administrator
   * to reject with the reason.
   */
  public RegisteredPlugin approve(UUID id, String by) {
    Submission submission = requirePending(get(id));
    byte[] bundle = store.submissionBundle(id).orElseThrow(() -> notFound(id));
    if (!PluginDeployment.sha256(bundle).equals(submission.sha256())) {
      throw new ProblemException(
          PluginProblems.BUNDLE_TAMPERED,
          "The bundle of submission "
              + id
              + " changed since it was uploaded; reject it and ask its vendor to publish again.");
    }
    VendorKey key = keysOf(submission.vendorId()).get(submission.signer());
    if (key == null) {
      throw new ProblemException(
          PluginProblems.SIGNATURE_INVALID,
          "The vendor removed the key this bundle was signed with (SHA-256 "
              + submission.signer()
              + "); reject it and ask the vendor to publish it signed with a current key.");
    }
    signer(bundle, java.util.stream.Stream.of(key.certificate()));
    requireOwnPlugin(submission.vendorId(), submission.pluginId());
    RegisteredPlugin plugin =
        deployment.deploy(
            bundle,
            "vendor:" + submission.vendorId(),
            Optional.of(new PluginStore.Signed(submission.vendorId(), key.certificatePem())));
    if (!store.decide(id, Status.APPROVED, Optional.empty(), clock.instant(), by)) {
      // Withdrawn while it was being deployed: the administrator approved what it deployed.
      LOG.warning("Submission " + id + " was withdrawn while approved; its version is deployed");
    }
    tell(submission, Status.APPROVED, Optional.empty());
    return plugin;
  }

  /** Rejects a pending submission with a reason its vendor reads. */
  public Submission reject(UUID id, String reason, String by) {
    Submission submission = requirePending(get(id));
    decide(submission, Status.REJECTED, Optional.of(reason), by);
    tell(submission, Status.REJECTED, Optional.of(reason));
    return get(id);
  }

  /** The vendor takes back a submission that waits for review. */
  public Submission withdraw(Vendor vendor, UUID id, String by) {
    Submission submission = requirePending(getOf(vendor, id));
    decide(submission, Status.WITHDRAWN, Optional.empty(), by);
    return get(id);
  }

  /** The bundle of a submission, for the administrator who reviews it. */
  public byte[] bundle(UUID id) {
    return store.submissionBundle(id).orElseThrow(() -> notFound(id));
  }

  private void decide(Submission submission, Status decision, Optional<String> reason, String by) {
    if (!store.decide(submission.id(), decision, reason, clock.instant(), by)) {
      throw decided(get(submission.id()));
    }
  }

  private static Submission requirePending(Submission submission) {
    if (submission.status() != Status.PENDING) {
      throw decided(submission);
    }
    return submission;
  }

  private static ProblemException decided(Submission submission) {
    return new ProblemException(
        VendorProblems.SUBMISSION_DECIDED,
        "Submission "
            + submission.id()
            + " of "
            + submission.pluginId()
            + " "
            + submission.version()
            + " is "
            + submission.status().name().toLowerCase(java.util.Locale.ROOT)
            + ", no longer waiting for review.");
  }

  /** The vendor hears of the decision by mail; a mail that cannot go changes nothing. */
  private void tell(Submission submission, Status decision, Optional<String> reason) {
    if (!mailer.enabled()) {
      return;
    }
    Optional<Vendor> vendor = store.find(submission.vendorId());
    if (vendor.isEmpty()) {
      return;
    }
    String what = submission.name() + " " + submission.version();
    String text =
        decision == Status.APPROVED
            ? what + " was approved and is published: tenants can install it now.\n"
            : what
                + " was not approved.\n\nThe reviewer's reason:\n"
                + reason.orElse("")
                + "\n\nPublish a corrected higher version when it is ready.\n";
    try {
      mailer.send(
          new Mailer.Mail(
              vendor.get().email(),
              what + (decision == Status.APPROVED ? " is published" : " was not approved"),
              text));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The vendor of submission " + submission.id() + " was not told", e);
    }
  }

  private static ProblemException notFound(UUID id) {
    return new ProblemException(
        VendorProblems.SUBMISSION_NOT_FOUND, "No submission has id " + id + ".");
  }
}
