package io.plexica.shared.web;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over {@link #MAX_BYTES} with 413, whether the size is announced in
 * Content-Length or only discovered while streaming a chunked body.
 */
@Provider
@PreMatching
public class RequestBodyLimit implements ContainerRequestFilter {
  /** JSON documents of this API are small; plugin bundles get their own, larger limit. */
  public static final long MAX_BYTES = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BYTES) {
      throw tooLarge();
    }
    request.setEntityStream(new LimitedStream(request.getEntityStream()));
  }

  static ProblemException tooLarge() {
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + (MAX_BYTES / 1024) + " KiB.");
  }

  private static final class LimitedStream extends FilterInputStream {
    private long read;

    LimitedStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BYTES) {
        throw tooLarge();
      }
    }
  }
}
