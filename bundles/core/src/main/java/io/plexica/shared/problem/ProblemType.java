package io.plexica.shared.problem;

import java.net.URI;

/**
 * A stable kind of error. Clients switch on {@link #uri()}, so a type once published never changes
 * its slug; the title is the short human summary shared by every occurrence.
 */
public record ProblemType(String slug, int status, String title) {

  /** Where the human-readable description of each type lives (docs/api/problems.md). */
  public static final String BASE = "https://plexica.io/problems/";

  public static final ProblemType VALIDATION_FAILED =
      new ProblemType("validation-failed", 400, "The request is not valid");
  public static final ProblemType MALFORMED_REQUEST =
      new ProblemType("malformed-request", 400, "The request body could not be read");
  public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "No such resource");
  public static final ProblemType METHOD_NOT_ALLOWED =
      new ProblemType("method-not-allowed", 405, "Method not allowed on this resource");
  public static final ProblemType NOT_ACCEPTABLE =
      new ProblemType("not-acceptable", 406, "No acceptable representation");
  public static final ProblemType PAYLOAD_TOO_LARGE =
      new ProblemType("payload-too-large", 413, "The request body is too large");
  public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
      new ProblemType("unsupported-media-type", 415, "Unsupported content type");

  /** Workspaces and the plugin routes that work in one refuse a role that is not enough. */
  public static final ProblemType WORKSPACE_ROLE_REQUIRED =
      new ProblemType(
          "workspace-role-required", 403, "Your role in the workspace does not allow this");

  public static final ProblemType INTERNAL_ERROR =
      new ProblemType("internal-error", 500, "An unexpected error occurred");

  public URI uri() {
    return URI.create(BASE + slug);
  }
}
