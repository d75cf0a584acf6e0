package io.plexica.vendors.infra;

import io.plexica.shared.persistence.Jdbc;
import io.plexica.shared.persistence.SqlWhere;
import io.plexica.shared.query.PageRequest;
import io.plexica.vendors.domain.Submission;
import io.plexica.vendors.domain.Vendor;
import io.plexica.vendors.domain.VendorKey;
import io.plexica.vendors.domain.VendorStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Vendors, keys and submissions in {@code plexica_core} (V19). */
public class SqlVendorStore implements VendorStore {
  private static final String VENDOR =
      "SELECT id, name, email, user_id, created_at FROM plexica_core.plugin_vendor";
  private static final String KEY =
      "SELECT vendor_id, fingerprint, subject, not_after, certificate, added_at"
          + " FROM plexica_core.plugin_vendor_key";
  private static final String SUBMISSION =
      "SELECT id, vendor_id, plugin_id, version, name, manifest, sha256, signer, size_bytes,"
          + " status, reason, submitted_at, decided_at, decided_by"
          + " FROM plexica_core.plugin_submission";

  /** A unique index refused the row: PostgreSQL's unique_violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final Jdbc jdbc;

  public SqlVendorStore(javax.sql.DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public boolean create(Vendor vendor) {
    return insertedOnce(
        () ->
            jdbc.update(
                "Recording a vendor",
                "INSERT INTO plexica_core.plugin_vendor (id, name, email, user_id, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)",
                vendor.id(),
                vendor.name(),
                vendor.email(),
                vendor.userId(),
                Timestamp.from(vendor.createdAt())));
  }

  @Override
  public Optional<Vendor> find(String id) {
    return jdbc.first("Reading a vendor", VENDOR + " WHERE id = ?", SqlVendorStore::vendor, id);
  }

  @Override
  public Optional<Vendor> byUser(String userId) {
    return jdbc.first(
        "Reading a vendor", VENDOR + " WHERE user_id = ?", SqlVendorStore::vendor, userId);
  }

  @Override
  public List<Vendor> list() {
    return jdbc.query("Reading vendors", VENDOR + " ORDER BY id", SqlVendorStore::vendor);
  }

  @Override
  public void delete(String id) {
    jdbc.update("Removing a vendor", "DELETE FROM plexica_core.plugin_vendor WHERE id = ?", id);
  }

  @Override
  public List<VendorKey> keys(String vendorId) {
    return jdbc.query(
        "Reading a vendor's keys",
        KEY + " WHERE vendor_id = ? ORDER BY added_at",
        SqlVendorStore::key,
        vendorId);
  }

  @Override
  public java.util.Map<String, List<VendorKey>> keysByVendor() {
    return jdbc
        .query("Reading the vendors' keys", KEY + " ORDER BY added_at", SqlVendorStore::key)
        .stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                VendorKey::vendorId,
                java.util.LinkedHashMap::new,
                java.util.stream.Collectors.toList()));
  }

  @Override
  public boolean addKey(VendorKey key) {
    return jdbc.update(
            "Registering a vendor's key",
            "INSERT INTO plexica_core.plugin_vendor_key (vendor_id, fingerprint, subject,"
                + " not_after, certificate, added_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
            key.vendorId(),
            key.fingerprint(),
            key.subject(),
            Timestamp.from(key.notAfter()),
            key.certificatePem(),
            Timestamp.from(key.addedAt()))
        == 1;
  }

  @Override
  public boolean removeKey(String vendorId, String fingerprint) {
    return jdbc.update(
            "Removing a vendor's key",
            "DELETE FROM plexica_core.plugin_vendor_key WHERE vendor_id = ? AND fingerprint = ?",
            vendorId,
            fingerprint)
        == 1;
  }

  @Override
  public boolean submit(Submission s, byte[] bundle) {
    return insertedOnce(
        () ->
            jdbc.update(
                "Recording a submission",
                "INSERT INTO plexica_core.plugin_submission (id, vendor_id, plugin_id, version,"
                    + " name, manifest, bundle, sha256, signer, size_bytes, status, submitted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(),
                s.vendorId(),
                s.pluginId(),
                s.version(),
                s.name(),
                s.manifestJson(),
                bundle,
                s.sha256(),
                s.signer(),
                s.sizeBytes(),
                s.status().name(),
                Timestamp.from(s.submittedAt())));
  }

  @Override
  public Optional<Submission> submission(UUID id) {
    return jdbc.first(
        "Reading a submission", SUBMISSION + " WHERE id = ?", SqlVendorStore::submission, id);
  }

  @Override
  public Optional<byte[]> submissionBundle(UUID id) {
    return jdbc.first(
        "Reading a submission's bundle",
        "SELECT bundle FROM plexica_core.plugin_submission WHERE id = ?",
        row -> row.getBytes(1),
        id);
  }

  @Override
  public SubmissionPage submissions(
      Optional<String> vendorId,
      Optional<String> pluginId,
      Optional<Submission.Status> status,
      PageRequest page) {
    SqlWhere where =
        new SqlWhere()
            .andIf(vendorId, "vendor_id = ?")
            .andIf(pluginId, "plugin_id = ?")
            .andIf(status.map(Submission.Status::name), "status = ?");
    String order =
        status.equals(Optional.of(Submission.Status.PENDING))
            ? " ORDER BY submitted_at, id"
            : " ORDER BY submitted_at DESC, id";
    List<Submission> items =
        jdbc.query(
            "Reading submissions",
            SUBMISSION
                + where.clause()
                + order
                + " LIMIT "
                + page.size()
                + " OFFSET "
                + page.offset(),
            SqlVendorStore::submission,
            where.parameters().toArray());
    long total =
        jdbc.first(
                "Counting submissions",
                "SELECT count(*) FROM plexica_core.plugin_submission" + where.clause(),
                row -> row.getLong(1),
                where.parameters().toArray())
            .orElse(0L);
    return new SubmissionPage(items, total);
  }

  @Override
  public boolean decide(
      UUID id, Submission.Status decision, Optional<String> reason, Instant at, String by) {
    return jdbc.update(
            "Recording a review's decision",
            "UPDATE plexica_core.plugin_submission SET status = ?, reason = ?, decided_at = ?,"
                + " decided_by = ? WHERE id = ? AND status = 'PENDING'",
            decision.name(),
            reason.orElse(null),
            Timestamp.from(at),
            by,
            id)
        == 1;
  }

  /** Runs an INSERT; false when a unique index refused it (the row is there already). */
  private static boolean insertedOnce(java.util.function.IntSupplier insert) {
    try {
      return insert.getAsInt() == 1;
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  private static Vendor vendor(ResultSet row) throws SQLException {
    return new Vendor(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getTimestamp(5).toInstant());
  }

  private static VendorKey key(ResultSet row) throws SQLException {
    return new VendorKey(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getTimestamp(4).toInstant(),
        row.getString(5),
        row.getTimestamp(6).toInstant());
  }

  private static Submission submission(ResultSet row) throws SQLException {
    return new Submission(
        row.getObject(1, UUID.class),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        row.getString(8),
        row.getInt(9),
        Submission.Status.valueOf(row.getString(10)),
        Optional.ofNullable(row.getString(11)),
        row.getTimestamp(12).toInstant(),
        Optional.ofNullable(row.getTimestamp(13)).map(Timestamp::toInstant),
        Optional.ofNullable(row.getString(14)));
  }
}
