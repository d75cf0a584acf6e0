package io.plexica.shared.problem;

import java.util.List;

/**
 * An error the platform expects and can explain. Services throw it; the web layer turns it into an
 * RFC 9457 problem document with the same type, status and detail.
 */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemType type;
  private final transient List<FieldError> fieldErrors;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of(), null);
  }

  public ProblemException(ProblemType type, String detail, Throwable cause) {
    this(type, detail, List.of(), cause);
  }

  public ProblemException(ProblemType type, String detail, List<FieldError> fieldErrors) {
    this(type, detail, fieldErrors, null);
  }

  private ProblemException(
      ProblemType type, String detail, List<FieldError> fieldErrors, Throwable cause) {
    super(detail, cause);
    this.type = type;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        ProblemType.VALIDATION_FAILED,
        field + ": " + message,
        List.of(new FieldError(field, message)));
  }

  public ProblemType type() {
    return type;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}
