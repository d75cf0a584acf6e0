package io.plexica.vendors.app;

import io.plexica.identity.app.Realms;
import io.plexica.identity.domain.UserProfile;
import io.plexica.plugins.app.PluginDeployment;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.security.Certificates;
import io.plexica.vendors.domain.Vendor;
import io.plexica.vendors.domain.VendorKey;
import io.plexica.vendors.domain.VendorProblems;
import io.plexica.vendors.domain.VendorStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Vendor accounts: a platform administrator makes one (an account in the platform realm with the
 * {@code plugin-vendor} role, whose owner sets a password through a mailed link), and the vendor
 * registers the certificates it signs its bundles with.
 */
public class VendorAccounts {
  private static final Logger LOG = Logger.getLogger(VendorAccounts.class.getName());

  /** The platform realm's role of vendor accounts. */
  public static final String VENDOR_ROLE = Realms.VENDOR_ROLE;

  /** How long the mailed link to set a password works. */
  static final Duration SETUP_LINK_VALIDITY = Duration.ofDays(3);

  /** Enough for a key in use, the next one, and one kept while a release is reviewed. */
  static final int MAX_KEYS = 5;

  private final VendorStore store;
  private final Realms realms;
  private final PluginDeployment plugins;
  private final String landing;
  private final Clock clock;

  public VendorAccounts(
      VendorStore store, Realms realms, PluginDeployment plugins, String landing, Clock clock) {
    this.store = store;
    this.realms = realms;
    this.plugins = plugins;
    this.landing = landing;
    this.clock = clock;
  }

  /** A vendor to make: its id (owner of its plugins), its name, and its account's address. */
  public record NewVendor(String id, String name, String email) {}

  /**
   * Makes the vendor and its account, and mails the account's link to set a password. Nothing is
   * left behind when a step fails: no account without its vendor, no vendor without its account.
   */
  public Vendor create(NewVendor vendor) {
    if (store.find(vendor.id()).isPresent()) {
      throw exists("A vendor has id '" + vendor.id() + "' already.");
    }
    String userId =
        realms.createUser(
            Realms.PLATFORM_REALM,
            // The id for a name: Keycloak refuses some characters in names a company's has.
            new Realms.NewRealmUser(
                new UserProfile(vendor.email(), vendor.email(), vendor.id(), "Vendor"),
                Set.of(VENDOR_ROLE),
                null));
    try {
      if (!realms.mailAccountSetup(Realms.PLATFORM_REALM, userId, landing, SETUP_LINK_VALIDITY)) {
        throw new ProblemException(
            io.plexica.identity.domain.IdentityProblems.MAIL_UNAVAILABLE,
            "This platform sends no mail, and a vendor sets its password through a mailed link;"
                + " configure the mail server (docs/configuration.md) first.");
      }
      Vendor made = new Vendor(vendor.id(), vendor.name(), vendor.email(), userId, clock.instant());
      if (!store.create(made)) {
        throw exists("A vendor has id '" + vendor.id() + "' already.");
      }
      return made;
    } catch (RuntimeException e) {
      removeAccount(userId);
      throw e;
    }
  }

  private void removeAccount(String userId) {
    try {
      realms.deleteUser(Realms.PLATFORM_REALM, userId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The vendor account " + userId + " made just now stays", e);
    }
  }

  public List<Vendor> list() {
    return store.list();
  }

  public Vendor get(String id) {
    return store
        .find(id)
        .orElseThrow(
            () ->
                new ProblemException(
                    VendorProblems.VENDOR_NOT_FOUND, "No vendor has id '" + id + "'."));
  }

  /** The vendor a platform-realm account speaks for. */
  public Optional<Vendor> ofUser(String userId) {
    return store.byUser(userId);
  }

  /** The plugins the vendor publishes, by id. */
  public List<String> pluginsOf(String vendorId) {
    return pluginsByVendor().getOrDefault(vendorId, List.of());
  }

  /** The ids of the plugins each vendor publishes, read from the registry once. */
  public java.util.Map<String, List<String>> pluginsByVendor() {
    java.util.Map<String, List<String>> byVendor = new java.util.HashMap<>();
    for (var plugin : plugins.list()) {
      plugin
          .vendorId()
          .ifPresent(
              v -> byVendor.computeIfAbsent(v, k -> new java.util.ArrayList<>()).add(plugin.id()));
    }
    return byVendor;
  }

  /** Removes a vendor that owns no plugin, with its account, keys and submissions. */
  public void remove(String id) {
    Vendor vendor = get(id);
    List<String> owned = pluginsOf(id);
    if (!owned.isEmpty()) {
      throw new ProblemException(
          VendorProblems.VENDOR_HAS_PLUGINS,
          "Vendor '"
              + id
              + "' publishes "
              + String.join(", ", owned)
              + "; remove those plugins first.");
    }
    realms.deleteUser(Realms.PLATFORM_REALM, vendor.userId());
    store.delete(id);
  }

  public List<VendorKey> keys(String vendorId) {
    return store.keys(vendorId);
  }

  /** Every vendor's keys by vendor id, in one read. */
  public java.util.Map<String, List<VendorKey>> keysByVendor() {
    return store.keysByVendor();
  }

  /**
   * Registers a certificate the vendor signs bundles with: an X.509 certificate in PEM that is
   * valid now. The same certificate again changes nothing.
   */
  public VendorKey addKey(String vendorId, String pem) {
    X509Certificate certificate;
    try {
      certificate = Certificates.fromPem(pem);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("certificate", e.getMessage());
    }
    Instant now = clock.instant();
    if (certificate.getNotAfter().toInstant().isBefore(now)
        || certificate.getNotBefore().toInstant().isAfter(now)) {
      throw new ProblemException(
          VendorProblems.KEY_INVALID,
          "The certificate is valid from "
              + certificate.getNotBefore().toInstant()
              + " to "
              + certificate.getNotAfter().toInstant()
              + ", not now; register a current one.");
    }
    String fingerprint = Certificates.fingerprint(certificate);
    List<VendorKey> keys = store.keys(vendorId);
    Optional<VendorKey> known =
        keys.stream().filter(k -> k.fingerprint().equals(fingerprint)).findFirst();
    if (known.isPresent()) {
      return known.get();
    }
    if (keys.size() >= MAX_KEYS) {
      throw new ProblemException(
          VendorProblems.KEY_LIMIT,
          "A vendor registers at most " + MAX_KEYS + " keys; remove one it no longer signs with.");
    }
    VendorKey key =
        new VendorKey(
            vendorId,
            fingerprint,
            certificate.getSubjectX500Principal().getName(),
            certificate.getNotAfter().toInstant(),
            Certificates.toPem(certificate),
            now);
    store.addKey(key);
    return key;
  }

  /**
   * Removes a key: bundles signed with it are no longer accepted from the vendor. Versions approved
   * with it keep running (each keeps the certificate it was approved with).
   */
  public void removeKey(String vendorId, String fingerprint) {
    if (!store.removeKey(vendorId, fingerprint)) {
      throw new ProblemException(
          VendorProblems.KEY_NOT_FOUND, "The vendor has no key with fingerprint " + fingerprint);
    }
  }

  private static ProblemException exists(String detail) {
    return new ProblemException(VendorProblems.VENDOR_EXISTS, detail);
  }
}
