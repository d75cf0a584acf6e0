package io.plexica.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * HSTS on responses to requests that came over TLS: to this server, or to the proxy in front of it
 * (HAProxy, an ingress), which says so in {@code X-Forwarded-Proto}. A browser ignores it over
 * plain HTTP, so it is not sent there. The headers every response carries whatever its transport
 * (nosniff, no framing, referrer policy) are set by the server itself (server.xml, {@code
 * headers}), for the health and metrics endpoints too.
 */
@WebFilter(
    filterName = "plexica-hsts",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class HstsFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(request, response);
  }
}
