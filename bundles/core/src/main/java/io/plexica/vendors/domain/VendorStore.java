package io.plexica.vendors.domain;

import io.plexica.shared.query.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Vendors, their keys and their submissions, in {@code plexica_core}. */
public interface VendorStore {

  /** Records a vendor; false when its id is taken. */
  boolean create(Vendor vendor);

  Optional<Vendor> find(String id);

  Optional<Vendor> byUser(String userId);

  List<Vendor> list();

  /** Removes a vendor with its keys and submissions; it owns no plugin. */
  void delete(String id);

  List<VendorKey> keys(String vendorId);

  /** Every vendor's keys, oldest first, read at once (for the list of all vendors). */
  java.util.Map<String, List<VendorKey>> keysByVendor();

  /** Registers a key; false when the vendor has it already. */
  boolean addKey(VendorKey key);

  boolean removeKey(String vendorId, String fingerprint);

  /** Records a pending submission; false when the version is pending or approved already. */
  boolean submit(Submission submission, byte[] bundle);

  Optional<Submission> submission(UUID id);

  Optional<byte[]> submissionBundle(UUID id);

  /**
   * A page of submissions, newest first (the oldest first when only pending ones are asked for: a
   * queue); of one vendor, of one plugin, in one status, when given.
   */
  SubmissionPage submissions(
      Optional<String> vendorId,
      Optional<String> pluginId,
      Optional<Submission.Status> status,
      PageRequest page);

  /** One page of submissions and how many there are in all. */
  record SubmissionPage(List<Submission> items, long total) {}

  /**
   * Moves a pending submission to its decision; false when it was not pending any more (decided or
   * withdrawn meanwhile).
   */
  boolean decide(
      UUID id, Submission.Status decision, Optional<String> reason, Instant at, String by);
}
