package io.plexica.shared.problem;

import java.net.URI;
import java.util.List;

/**
 * The RFC 9457 body. {@code errorId} appears on server errors only, and is the key to find the full
 * report in the server log; {@code errors} lists invalid fields.
 */
public record ProblemDocument(
    URI type,
    String title,
    int status,
    String detail,
    String instance,
    String errorId,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
