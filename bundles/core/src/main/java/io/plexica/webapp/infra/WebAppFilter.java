package io.plexica.webapp.infra;

import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemDocument;
import io.plexica.shared.problem.ProblemType;
import io.plexica.webapp.app.LoginSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the single-page apps built into the web module ({@code META-INF/resources} of the frontend
 * jar): the tenant web app at {@code /} and the console at {@code /admin/}. A path that is no file
 * is one of the apps' own routes and gets its {@code index.html}; hashed assets are cached for a
 * year, the pages never. Every page carries a content security policy allowing scripts from this
 * origin and the import map of the page, and connections to this origin and Keycloak only.
 */
@WebFilter(filterName = "plexica-web-app", urlPatterns = "/*")
public class WebAppFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /**
   * Paths that belong to the server, never to the apps: a file missing under {@code /sdk/} (the
   * SDK's Maven repository) is a 404 Maven understands, not the app's page.
   */
  private static final List<String> SERVER_PATHS =
      List.of("/api/", "/openapi", "/health", "/metrics", "/ibm/", "/sdk/");

  /** The released SDK, a Maven repository that only releases of the platform change. */
  private static final String SDK_REPOSITORY = "/sdk/maven/";

  private static final Pattern IMPORT_MAP =
      Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

  @Inject transient LoginSettings loginSettings;

  private transient String policy;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    ServletContext context = config.getServletContext();
    // Keycloak as browsers reach it: the same address /web-config sends them to.
    String keycloak = origin(loginSettings.login(Optional.empty()).keycloakUrl());
    String importMaps =
        importMapHash(context, "/index.html").map(h -> " '" + h + "'").orElse("")
            + importMapHash(context, "/admin/index.html").map(h -> " '" + h + "'").orElse("");
    policy =
        "default-src 'self'; script-src 'self'"
            + importMaps
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self';"
            + " connect-src 'self' "
            + keycloak
            + "; form-action 'self' "
            + keycloak
            + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (!read && path.startsWith(SDK_REPOSITORY)) {
      refuseWrite(response);
      return;
    }
    if (!read || SERVER_PATHS.stream().anyMatch(path::startsWith)) {
      chain.doFilter(request, response);
      return;
    }
    if (path.startsWith("/assets/") || path.startsWith("/admin/assets/")) {
      response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      chain.doFilter(request, response);
      return;
    }
    if (isFile(request.getServletContext(), path)) {
      chain.doFilter(request, response);
      return;
    }
    if (servedByAServlet(request)) {
      chain.doFilter(request, response);
      return;
    }
    String page =
        path.equals("/admin") || path.startsWith("/admin/") ? "/admin/index.html" : "/index.html";
    if (request.getServletContext().getResource(page) == null) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Content-Security-Policy", policy);
    request.getRequestDispatcher(page).forward(request, response);
  }

  /** 405 with the problem, for any write into the SDK repository (the default servlet says 200). */
  private static void refuseWrite(HttpServletResponse response) throws IOException {
    ProblemType type = ProblemType.METHOD_NOT_ALLOWED;
    response.setStatus(type.status());
    response.setHeader("Allow", "GET, HEAD");
    response.setContentType(ProblemDocument.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            JsonText.PROVIDER
                .createObjectBuilder()
                .add("type", type.uri().toString())
                .add("title", type.title())
                .add("status", type.status())
                .add(
                    "detail",
                    "The SDK repository is read-only: SDK releases come with the platform's own"
                        + " releases.")
                .build()
                .toString());
  }

  /**
   * A path that is no file but is mapped to a servlet of this module (one a test deployment adds,
   * for instance) is that servlet's, not an app route. Asked only of such paths: Liberty reports
   * static files as servlet-mapped too once browsers have fetched them.
   */
  private static boolean servedByAServlet(HttpServletRequest request) {
    MappingMatch match = request.getHttpServletMapping().getMappingMatch();
    return match == MappingMatch.EXACT
        || match == MappingMatch.PATH
        || match == MappingMatch.EXTENSION;
  }

  private static boolean isFile(ServletContext context, String path) throws IOException {
    if (path.endsWith("/") || path.endsWith("/index.html")) {
      return false;
    }
    return context.getResource(path) != null && path.lastIndexOf('.') > path.lastIndexOf('/');
  }

  /** The CSP source of the page's inline import map, which only that hash lets run. */
  static Optional<String> importMapHash(ServletContext context, String page) {
    try (InputStream in = context.getResourceAsStream(page)) {
      if (in == null) {
        return Optional.empty();
      }
      Matcher map = IMPORT_MAP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!map.find()) {
        return Optional.empty();
      }
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(map.group(1).getBytes(StandardCharsets.UTF_8));
      return Optional.of("sha256-" + Base64.getEncoder().encodeToString(digest));
    } catch (IOException | NoSuchAlgorithmException e) {
      return Optional.empty();
    }
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
