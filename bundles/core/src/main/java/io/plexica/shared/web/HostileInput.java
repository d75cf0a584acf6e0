package io.plexica.shared.web;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Refuses, at the edge and before any service sees them, two kinds of input no feature can store or
 * parse safely: the NUL character (PostgreSQL text cannot hold it, Keycloak refuses it, and it
 * truncates strings in C code) in a path, a query parameter or a JSON string; and JSON nested
 * deeper than {@link #MAX_JSON_DEPTH}, which would exhaust the parser's or a merge patch's stack.
 * JSON bodies are checked while they stream, so nothing is buffered.
 */
@Provider
@PreMatching
@Priority(100)
public class HostileInput implements ContainerRequestFilter {
  /** Deeper than any document of this API or a sane plugin route needs. */
  public static final int MAX_JSON_DEPTH = 64;

  @Override
  public void filter(ContainerRequestContext request) {
    refuseNul("the path", request.getUriInfo().getPath());
    for (Map.Entry<String, List<String>> parameter :
        request.getUriInfo().getQueryParameters().entrySet()) {
      refuseNul("the query parameter name", parameter.getKey());
      for (String value : parameter.getValue()) {
        refuseNul("the query parameter '" + parameter.getKey() + "'", value);
      }
    }
    MultivaluedMap<String, String> headers = request.getHeaders();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        refuseNul("the header '" + header.getKey() + "'", value);
      }
    }
    if (isJson(request.getMediaType()) && request.hasEntity()) {
      request.setEntityStream(new JsonGuard(request.getEntityStream()));
    }
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && ("json".equalsIgnoreCase(type.getSubtype())
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  private static void refuseNul(String where, String text) {
    if (text != null && text.indexOf('\0') >= 0) {
      throw nul(where);
    }
  }

  private static ProblemException nul(String where) {
    return new ProblemException(
        ProblemType.MALFORMED_REQUEST,
        "The NUL character (U+0000) is not allowed in " + where + ".");
  }

  /**
   * Follows the JSON text as it is read: nesting depth outside strings, and {@code \u0000} escapes
   * inside them. It does not validate JSON otherwise; the parser after it does.
   */
  static final class JsonGuard extends FilterInputStream {
    private int depth;
    private boolean inString;
    private boolean escaped;

    /** Characters of a {@code \\u} escape read so far, -1 outside one. */
    private int unicodeDigits = -1;

    private boolean unicodeNonZero;

    JsonGuard(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        follow(b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        follow(buffer[offset + i] & 0xff);
      }
      return n;
    }

    private void follow(int b) {
      if (b == 0) {
        throw nul("the JSON body");
      }
      if (unicodeDigits >= 0) {
        unicodeNonZero |= b != '0';
        if (++unicodeDigits == 4) {
          if (!unicodeNonZero) {
            throw nul("a string of the JSON body");
          }
          unicodeDigits = -1;
        }
        return;
      }
      if (inString) {
        if (escaped) {
          escaped = false;
          if (b == 'u') {
            unicodeDigits = 0;
            unicodeNonZero = false;
          }
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
        return;
      }
      switch (b) {
        case '"' -> inString = true;
        case '{', '[' -> {
          if (++depth > MAX_JSON_DEPTH) {
            throw new ProblemException(
                ProblemType.MALFORMED_REQUEST,
                "The JSON body is nested deeper than " + MAX_JSON_DEPTH + " levels.");
          }
        }
        case '}', ']' -> depth--;
        default -> {}
      }
    }
  }
}
