package io.plexica.shared.web;

import io.plexica.shared.persistence.SqlErrors;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single exception mapper of the API: it classifies every throwable into a problem type, logs
 * server errors with an id the client also receives, and never lets a stack trace reach the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable thrown) {
    String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    Throwable cause = unwrap(thrown);
    if (cause instanceof ConstraintViolationException violations) {
      cause = RequestBodies.invalid(violations.getConstraintViolations());
    }
    if (cause instanceof ProblemException problem) {
      if (problem.type().status() >= 500) {
        return serverError(problem.type(), problem.getMessage(), instance, problem);
      }
      return ProblemResponses.of(
          problem.type(), problem.getMessage(), instance, null, problem.fieldErrors());
    }
    if (cause instanceof JsonbException || cause instanceof JsonException) {
      return ProblemResponses.of(
          ProblemType.MALFORMED_REQUEST,
          "The body is not valid JSON of the expected shape.",
          instance,
          null,
          null);
    }
    if (cause instanceof WebApplicationException web) {
      return fromStatus(web, instance);
    }
    return serverError(ProblemType.INTERNAL_ERROR, null, instance, thrown);
  }

  private static Response fromStatus(WebApplicationException web, String instance) {
    if (web instanceof NotFoundException) {
      return ProblemResponses.of(
          ProblemType.NOT_FOUND, "Nothing is found at this address.", instance, null, null);
    }
    if (web instanceof NotAllowedException) {
      Response response =
          ProblemResponses.of(
              ProblemType.METHOD_NOT_ALLOWED,
              "This resource does not support that method.",
              instance,
              null,
              null);
      // Keep the Allow header the runtime computed.
      return Response.fromResponse(response)
          .header("Allow", web.getResponse().getHeaderString("Allow"))
          .build();
    }
    if (web instanceof NotSupportedException) {
      return ProblemResponses.of(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "Send the body as application/json.",
          instance,
          null,
          null);
    }
    if (web instanceof NotAcceptableException) {
      return ProblemResponses.of(
          ProblemType.NOT_ACCEPTABLE,
          "This resource answers in application/json.",
          instance,
          null,
          null);
    }
    int status = web.getResponse().getStatus();
    if (status == 413) {
      return ProblemResponses.of(
          ProblemType.PAYLOAD_TOO_LARGE, web.getMessage(), instance, null, null);
    }
    if (status >= 400 && status < 500) {
      // Most often an unreadable body (bad JSON, wrong shape) reported by the runtime.
      return ProblemResponses.of(
          ProblemType.MALFORMED_REQUEST,
          "The request could not be read: check the JSON body and the parameters.",
          instance,
          null,
          null);
    }
    return serverError(ProblemType.INTERNAL_ERROR, null, instance, web);
  }

  private static Response serverError(
      ProblemType type, String detail, String instance, Throwable thrown) {
    String errorId = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Error " + errorId + " on " + instance, thrown);
    String shown =
        type == ProblemType.INTERNAL_ERROR || detail == null
            ? "Something went wrong on our side. Quote error id " + errorId + " when reporting it."
            : detail;
    return ProblemResponses.of(type, shown, instance, errorId, null);
  }

  /**
   * The runtime wraps reader failures; the useful classification is on the innermost known cause. A
   * problem raised anywhere in the chain wins: a body refused while it streams (too large, too
   * deep) reaches here wrapped in the JSON reader's own exception.
   */
  private static Throwable unwrap(Throwable thrown) {
    Throwable known = null;
    Throwable current = thrown;
    for (int depth = 0; depth < 10 && current != null; depth++) {
      if (current instanceof ProblemException) {
        return current;
      }
      if (known == null
          && (current instanceof ConstraintViolationException
              || current instanceof JsonbException
              || current instanceof JsonException)) {
        known = current;
      }
      if (current.getCause() == current) {
        break;
      }
      current = current.getCause();
    }
    if (known != null) {
      return known;
    }
    return SqlErrors.isBadValue(thrown)
        ? new ProblemException(
            ProblemType.VALIDATION_FAILED,
            "A value of the request is out of range or not valid for the platform's database.")
        : thrown;
  }
}
