package io.plexica.vendors.domain;

import io.plexica.shared.problem.ProblemType;

/** The problem types of vendor accounts, their keys and their submissions. */
public final class VendorProblems {
  private VendorProblems() {}

  public static final ProblemType VENDOR_NOT_FOUND =
      new ProblemType("vendor-not-found", 404, "No such vendor");
  public static final ProblemType VENDOR_EXISTS =
      new ProblemType("vendor-exists", 409, "A vendor has this id or account already");
  public static final ProblemType VENDOR_HAS_PLUGINS =
      new ProblemType("vendor-has-plugins", 409, "The vendor still owns published plugins");
  public static final ProblemType KEY_INVALID =
      new ProblemType("vendor-key-invalid", 400, "The certificate cannot sign bundles");
  public static final ProblemType KEY_NOT_FOUND =
      new ProblemType("vendor-key-not-found", 404, "The vendor has no such key");
  public static final ProblemType KEY_LIMIT =
      new ProblemType("vendor-key-limit", 409, "The vendor has as many keys as allowed");
  public static final ProblemType NO_KEYS =
      new ProblemType("vendor-no-keys", 409, "The vendor registered no key to sign with");
  public static final ProblemType PLUGIN_NOT_YOURS =
      new ProblemType("plugin-not-yours", 403, "The plugin belongs to another publisher");
  public static final ProblemType SUBMISSION_NOT_FOUND =
      new ProblemType("submission-not-found", 404, "No such submission");
  public static final ProblemType SUBMISSION_EXISTS =
      new ProblemType("submission-exists", 409, "This version was submitted already");
  public static final ProblemType SUBMISSION_DECIDED =
      new ProblemType("submission-decided", 409, "The submission no longer waits for review");
}
