package io.plexica.vendors.api;

import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.query.PageRequest;
import io.plexica.shared.web.CheckedBody;
import io.plexica.shared.web.PageParameters;
import io.plexica.tenancy.domain.EmailAddress;
import io.plexica.vendors.app.VendorAccounts.NewVendor;
import io.plexica.vendors.domain.Submission;
import io.plexica.vendors.domain.Vendor;
import io.plexica.vendors.domain.VendorKey;
import io.plexica.vendors.domain.VendorStore;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the vendor endpoints read and answer. */
public final class VendorViews {
  private VendorViews() {}

  /** A vendor's id: what its plugins are owned by, lower-case like a plugin id. */
  static final Pattern VENDOR_ID = Pattern.compile("^[a-z][a-z0-9-]{1,38}[a-z0-9]$");

  @Schema(name = "NewVendor")
  public record NewVendorRequest(
      @Schema(
              required = true,
              example = "acme-tools",
              description = "Lower-case letters, digits and hyphens; 3 to 40 characters")
          String id,
      @Schema(required = true, example = "Acme Tools", maxLength = 100) String name,
      @Schema(
              required = true,
              example = "plugins@acme.example",
              description = "The account's address: the link to set a password goes there")
          String email)
      implements CheckedBody<NewVendor> {
    @Override
    public NewVendor value(Validation validation) {
      String vendorId =
          validation.check(
              () -> {
                if (id == null || !VENDOR_ID.matcher(id).matches()) {
                  throw ProblemException.invalid(
                      "id",
                      "must be 3 to 40 lower-case letters, digits and hyphens, starting with a"
                          + " letter");
                }
                return id;
              });
      String vendorName = validation.check(() -> FieldRules.requiredName("name", name, 100));
      EmailAddress address = validation.check(() -> EmailAddress.of("email", email));
      return address == null ? null : new NewVendor(vendorId, vendorName, address.value());
    }
  }

  @Schema(name = "VendorKey")
  public record KeyView(
      @Schema(description = "SHA-256 of the certificate (DER), hex") String fingerprint,
      @Schema(example = "CN=Acme Tools") String subject,
      @Schema(description = "When the certificate expires") Instant notAfter,
      Instant addedAt) {
    static KeyView of(VendorKey key) {
      return new KeyView(key.fingerprint(), key.subject(), key.notAfter(), key.addedAt());
    }
  }

  @Schema(name = "RegisterVendorKey")
  public record KeyRequest(
      @Schema(
              required = true,
              description =
                  "The X.509 certificate of the signing key in PEM, as keytool -exportcert -rfc"
                      + " writes it")
          String certificate) {}

  @Schema(name = "Vendor")
  public record VendorView(
      String id,
      String name,
      String email,
      Instant createdAt,
      List<KeyView> keys,
      @Schema(description = "Ids of the plugins it publishes") List<String> plugins) {
    static VendorView of(Vendor vendor, List<VendorKey> keys, List<String> plugins) {
      return new VendorView(
          vendor.id(),
          vendor.name(),
          vendor.email(),
          vendor.createdAt(),
          keys.stream().map(KeyView::of).toList(),
          plugins);
    }
  }

  @Schema(name = "PluginSubmission")
  public record SubmissionView(
      UUID id,
      String vendorId,
      String pluginId,
      String version,
      String name,
      @Schema(description = "SHA-256 of the bundle, hex") String sha256,
      @Schema(description = "Fingerprint of the key that signed it") String signer,
      int sizeBytes,
      Submission.Status status,
      @Schema(nullable = true, description = "Why it was rejected") String reason,
      Instant submittedAt,
      @Schema(nullable = true) Instant decidedAt,
      @Schema(
              nullable = true,
              description = "Who decided (platform administrators see it; vendors do not)")
          String decidedBy,
      @Schema(description = "The bundle's plugin.json: permissions, SDK range, dependencies")
          JsonObject manifest) {
    static SubmissionView of(Submission s, boolean forAdministrator) {
      return new SubmissionView(
          s.id(),
          s.vendorId(),
          s.pluginId(),
          s.version(),
          s.name(),
          s.sha256(),
          s.signer(),
          s.sizeBytes(),
          s.status(),
          s.reason().orElse(null),
          s.submittedAt(),
          s.decidedAt().orElse(null),
          forAdministrator ? s.decidedBy().orElse(null) : null,
          JsonText.object(s.manifestJson()));
    }
  }

  @Schema(name = "PluginSubmissionPage")
  public record SubmissionPageView(List<SubmissionView> items, int page, int size, long total) {
    static SubmissionPageView of(
        VendorStore.SubmissionPage found, PageRequest page, boolean forAdministrator) {
      return new SubmissionPageView(
          found.items().stream().map(s -> SubmissionView.of(s, forAdministrator)).toList(),
          page.page(),
          page.size(),
          found.total());
    }
  }

  @Schema(name = "RejectSubmission")
  public record RejectRequest(
      @Schema(
              required = true,
              maxLength = Submission.MAX_REASON,
              description = "Why, in words the vendor will read and act on",
              example = "The config schema asks for an API key but the plugin never uses it.")
          String reason) {
    String value() {
      if (reason == null || reason.isBlank()) {
        throw ProblemException.invalid("reason", "is required: the vendor reads why");
      }
      return FieldRules.optionalText("reason", reason.strip(), Submission.MAX_REASON);
    }
  }

  /** The page and the status asked for of a list of submissions, each error named at once. */
  record SubmissionFilter(PageRequest page, Optional<Submission.Status> status) {
    static SubmissionFilter of(String status, PageParameters paging) {
      Validation validation = new Validation();
      PageRequest page = PageRequest.parse(validation, paging.page(), paging.size());
      Optional<Submission.Status> wanted = statusOf(validation, status);
      validation.throwIfInvalid();
      return new SubmissionFilter(page, wanted);
    }
  }

  private static Optional<Submission.Status> statusOf(Validation validation, String status) {
    if (status == null || status.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Submission.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      validation.reject("status", "must be PENDING, APPROVED, REJECTED or WITHDRAWN");
      return Optional.empty();
    }
  }

  static UUID submissionId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          io.plexica.vendors.domain.VendorProblems.SUBMISSION_NOT_FOUND,
          "No submission has id " + id + ".");
    }
  }
}
