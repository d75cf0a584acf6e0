package io.plexica.shared.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Links into the tenant web app, for mails: {@code plexica.web.public-url}, or else the first of
 * the web app's redirect URIs without its wildcard (what browsers already use to reach it).
 */
public record WebAppLinks(String base) {
  public WebAppLinks {
    URI uri = URI.create(base);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException("The web app's public URL is not http(s): " + base);
    }
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** The configured URL, else the first redirect URI such as {@code https://app.example/*}. */
  public static WebAppLinks of(String publicUrl, List<String> webRedirectUris) {
    if (publicUrl != null && !publicUrl.isBlank()) {
      return new WebAppLinks(publicUrl.strip());
    }
    String first =
        webRedirectUris.stream()
            .map(String::strip)
            .filter(u -> u.startsWith("http"))
            .findFirst()
            .orElse("http://localhost:9080/*");
    return new WebAppLinks(first.replaceAll("/?\\*$", ""));
  }

  /** The web app's start page for a tenant's people. */
  public String home(String tenantSlug) {
    return base + "/?tenant=" + encode(tenantSlug);
  }

  /** The console's page where a plugin vendor publishes (the console serves vendors too). */
  public String vendorConsole() {
    return base + "/admin/vendor";
  }

  /** The page where a workspace invitation is accepted or declined. */
  public String invitation(String tenantSlug, String token) {
    return base + "/invitations/accept?tenant=" + encode(tenantSlug) + "&token=" + encode(token);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
