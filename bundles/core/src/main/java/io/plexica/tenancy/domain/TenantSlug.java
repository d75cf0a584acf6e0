package io.plexica.tenancy.domain;

import io.plexica.shared.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's public, URL-safe name: 3 to 63 characters, lowercase letters, digits and hyphens,
 * starting with a letter and not ending with a hyphen. It also names the tenant's PostgreSQL
 * schema, realm and bucket, so some words are kept for the platform.
 */
public record TenantSlug(String value) {
  public static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9-]{1,61}[a-z0-9]$");

  /**
   * A tenant is also addressed by its id; a slug in the canonical form of a UUID could be read as
   * another tenant's id, so no slug may take that form.
   */
  private static final Pattern UUID_SHAPED =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  /**
   * Names the platform, its services or well-known hosts use; a tenant with one would shadow them.
   */
  public static final Set<String> RESERVED =
      Set.of(
          "admin",
          "administrator",
          "api",
          "app",
          "apps",
          "assets",
          "auth",
          "billing",
          "cdn",
          "console",
          "core",
          "dashboard",
          "default",
          "docs",
          "health",
          "help",
          "internal",
          "keycloak",
          "login",
          "logout",
          "mail",
          "master",
          "metrics",
          "openapi",
          "platform",
          "plexica",
          "plexica-platform",
          "plexica-core",
          "postgres",
          "public",
          "root",
          "static",
          "status",
          "support",
          "system",
          "tenant",
          "tenants",
          "www");

  private static final String SCHEMA_PREFIX = "tenant_";
  private static final int MAX_IDENTIFIER = 63;
  private static final int HASH_CHARS = 8;

  public TenantSlug {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("slug", "is required");
    }
    if (!PATTERN.matcher(value).matches()) {
      throw ProblemException.invalid(
          "slug",
          "must be 3 to 63 characters of lowercase letters, digits and hyphens, start with a letter"
              + " and end with a letter or digit");
    }
    if (UUID_SHAPED.matcher(value).matches()) {
      throw ProblemException.invalid(
          "slug", "must not have the form of a UUID: tenants are also addressed by their id");
    }
    if (RESERVED.contains(value)) {
      throw ProblemException.invalid("slug", "'" + value + "' is reserved by the platform");
    }
  }

  /**
   * The PostgreSQL schema for this slug: {@code tenant_<slug>} with hyphens as underscores (slugs
   * have no underscores, so the mapping is one-to-one). PostgreSQL truncates identifiers at 63
   * bytes, so a longer name keeps a prefix and ends with a hash of the whole slug instead of
   * colliding silently.
   */
  public String schemaName() {
    String full = SCHEMA_PREFIX + value.replace('-', '_');
    if (full.length() <= MAX_IDENTIFIER) {
      return full;
    }
    String head = full.substring(0, MAX_IDENTIFIER - HASH_CHARS - 1);
    return head + "_" + sha256(value).substring(0, HASH_CHARS);
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
