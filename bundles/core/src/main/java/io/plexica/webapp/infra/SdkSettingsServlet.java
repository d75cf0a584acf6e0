package io.plexica.webapp.infra;

import io.plexica.webapp.app.SdkSettings;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /sdk/settings.xml}: Maven settings naming this Plexica's SDK repository, for the one
 * command that needs them before a project exists ({@code mvn -s settings.xml archetype:generate
 * ...}: the archetype plugin looks for archetypes only in the repositories of the settings). The
 * address is the one the request came to, as the vendor reaches it.
 */
@WebServlet(name = "plexica-sdk-settings", urlPatterns = "/sdk/settings.xml")
public class SdkSettingsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String url = request.getRequestURL().toString();
    String base = url.substring(0, url.length() - request.getServletPath().length());
    String forwardedProto = request.getHeader("X-Forwarded-Proto");
    if ("https".equalsIgnoreCase(forwardedProto) && base.startsWith("http://")) {
      base = "https://" + base.substring("http://".length());
    }
    response.setContentType("application/xml");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-cache");
    response.getWriter().write(SdkSettings.forPlatform(base));
  }
}
