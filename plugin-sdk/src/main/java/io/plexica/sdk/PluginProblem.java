package io.plexica.sdk;

/**
 * Ends a call with an RFC 9457 problem the client can act on. Its type is {@code
 * https://plexica.io/problems/plugins/<pluginId>/<type>}, so plugins cannot take each other's or
 * the platform's types. Any other exception a plugin throws becomes a 500 naming the plugin.
 */
public class PluginProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;

  /**
   * @param status an HTTP status from 400 to 599
   * @param type a stable slug of lower-case letters, digits and hyphens, such as {@code
   *     contact-not-found}
   * @param detail what happened, for a person
   */
  public PluginProblem(int status, String type, String detail) {
    super(detail);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("A problem's status is 400 to 599, not " + status);
    }
    if (type == null || !type.matches("[a-z][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException("A problem type is a lower-case slug, not " + type);
    }
    this.status = status;
    this.type = type;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public static PluginProblem notFound(String type, String detail) {
    return new PluginProblem(404, type, detail);
  }

  public static PluginProblem invalid(String type, String detail) {
    return new PluginProblem(400, type, detail);
  }

  public static PluginProblem conflict(String type, String detail) {
    return new PluginProblem(409, type, detail);
  }
}
