package io.plexica.shared.lease;

/**
 * Work of one kind that a node may have left half-done when it died. The lease keeper claims the
 * expired leases of that kind and hands each one here to be resumed or undone; the implementation
 * releases the lease when the work is settled.
 */
public interface ExpiredWork {

  /** The lease kind this work takes, such as {@code tenant-provisioning}. */
  String kind();

  /** Finishes or undoes the work of a lease whose holder is gone; this node now holds the lease. */
  void takeOver(WorkLeases.Lease lease);
}
