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
import java.util.regex.Pattern;

/**
 * Refuses request bodies over {@link #MAX_BYTES} (plugin and library bundles: {@link
 * #MAX_BUNDLE_BYTES}, workspace files: {@link #MAX_FILE_BYTES}) with 413, whether the size is
 * announced in Content-Length or only discovered while streaming a chunked body.
 */
@Provider
@PreMatching
public class RequestBodyLimit implements ContainerRequestFilter {
  /** JSON documents of this API are small; plugin bundles get their own, larger limit. */
  public static final long MAX_BYTES = 1024 * 1024;

  public static final long MAX_BUNDLE_BYTES = 32L * 1024 * 1024;

  /** Workspace files have their own limit, checked by the upload; this is its ceiling. */
  public static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

  /**
   * Plugin and library bundles, a version's bundle replaced in place, and a vendor's submission
   * (the path may come with or without its leading slash).
   */
  private static final Pattern BUNDLE_UPLOAD =
      Pattern.compile(
          "^/?(admin/(plugins(/[^/]+/versions/[^/]+)?|plugin-libraries)|vendor/submissions)/?$");

  private static final Pattern FILE_UPLOAD = Pattern.compile("^/?workspaces/[^/]+/files/?$");

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    long limit =
        BUNDLE_UPLOAD.matcher(path).matches()
            ? MAX_BUNDLE_BYTES
            : FILE_UPLOAD.matcher(path).matches() ? MAX_FILE_BYTES : MAX_BYTES;
    if (request.getLength() > limit) {
      throw tooLarge(limit);
    }
    request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
  }

  static ProblemException tooLarge(long limit) {
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + (limit / 1024) + " KiB.");
  }

  private static final class LimitedStream extends FilterInputStream {
    private final long limit;
    private long read;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
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
      if (read > limit) {
        throw tooLarge(limit);
      }
    }
  }
}
