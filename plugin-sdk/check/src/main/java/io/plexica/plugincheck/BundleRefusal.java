package io.plexica.plugincheck;

import java.util.List;

/**
 * Why a bundle cannot be deployed, in words for its vendor: the platform answers it as a problem of
 * the same {@link #type()}, the Maven plugin fails the build with it.
 */
public class BundleRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What was refused; each kind is one problem type of the platform's API. */
  public enum Kind {
    /** Not a readable, bounded OSGi bundle. */
    BUNDLE("plugin-bundle-invalid"),
    /** An OSGi bundle whose plugin.json, or what it names, is wrong. */
    MANIFEST("plugin-manifest-invalid"),
    /** A plugin that does not run on the SDK release it is checked against. */
    SDK("plugin-sdk-incompatible"),
    /** A bundle not signed by a key its vendor registered, or changed since it was signed. */
    SIGNATURE("plugin-signature-invalid");

    private final String type;

    Kind(String type) {
      this.type = type;
    }

    /** The problem type the platform answers this refusal with. */
    public String type() {
      return type;
    }
  }

  private final Kind kind;
  private final transient List<Finding> findings;

  public BundleRefusal(Kind kind, String detail, List<Finding> findings) {
    super(detail);
    this.kind = kind;
    this.findings = List.copyOf(findings);
  }

  public BundleRefusal(Kind kind, String detail) {
    this(kind, detail, List.of());
  }

  public Kind kind() {
    return kind;
  }

  /** The problem type the platform answers this refusal with. */
  public String type() {
    return kind.type();
  }

  /** The refusal in one sentence. */
  public String detail() {
    return getMessage();
  }

  /** Each wrong field of plugin.json; empty when the refusal is about the bundle as a whole. */
  public List<Finding> findings() {
    return findings;
  }
}
