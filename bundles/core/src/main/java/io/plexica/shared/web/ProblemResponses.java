package io.plexica.shared.web;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemDocument;
import io.plexica.shared.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses; the one place that knows the wire shape of an error. */
public final class ProblemResponses {
  private ProblemResponses() {}

  public static Response of(
      ProblemType type, String detail, String instance, String errorId, List<FieldError> errors) {
    var body =
        new ProblemDocument(
            type.uri(),
            type.title(),
            type.status(),
            detail,
            instance,
            errorId,
            errors == null || errors.isEmpty() ? null : errors);
    Response.ResponseBuilder response =
        Response.status(type.status()).type(ProblemDocument.MEDIA_TYPE).entity(body);
    if (type.status() == 401) {
      // RFC 6750: tell the client which scheme to use.
      response.header("WWW-Authenticate", "Bearer realm=\"plexica\"");
    }
    return response.build();
  }
}
