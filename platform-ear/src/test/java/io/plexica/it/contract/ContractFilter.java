package io.plexica.it.contract;

import io.restassured.authentication.NoAuthScheme;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every exchange a test makes with the platform's API goes past the contract: one the document does
 * not describe fails the test that made it, at the request that showed it.
 */
public final class ContractFilter implements OrderedFilter {
  private final ContractCheck check;

  ContractFilter(ContractCheck check) {
    this.check = check;
  }

  @Override
  public int getOrder() {
    // After every other filter: the exchange as it went over the wire.
    return OrderedFilter.LOWEST_PRECEDENCE;
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext context) {
    Response response = context.next(request, responseSpec);
    URI uri = URI.create(request.getURI());
    if (!check.covers(uri)) {
      return response;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    response
        .getHeaders()
        .forEach(h -> headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue()));
    byte[] bytes = response.asByteArray();
    String contentType = response.getContentType();
    check.judge(
        new Exchange(
            request.getMethod(),
            uri.getRawPath(),
            query(uri.getRawQuery()),
            request.getHeaders().hasHeaderWithName("Authorization")
                || !(request.getAuthenticationScheme() instanceof NoAuthScheme),
            request.getContentType(),
            requestBody(request),
            response.getStatusCode(),
            contentType,
            headers,
            ContractCheck.bodyText(contentType, bytes)));
    return response;
  }

  private static String requestBody(FilterableRequestSpecification request) {
    Object body = request.getBody();
    if (body == null) {
      return null;
    }
    if (body instanceof byte[] bytes) {
      return ContractCheck.bodyText(request.getContentType(), bytes);
    }
    return body.toString();
  }

  static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
