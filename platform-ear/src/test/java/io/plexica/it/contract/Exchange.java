package io.plexica.it.contract;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its response, as the contract judges it ({@code withToken}: the request
 * carried an Authorization header). Header names are lower case; bodies are text (null when absent
 * or binary).
 */
public record Exchange(
    String method,
    String path,
    Map<String, List<String>> query,
    boolean withToken,
    String requestType,
    String requestBody,
    int status,
    String responseType,
    Map<String, String> responseHeaders,
    String responseBody) {

  @Override
  public String toString() {
    return method + " " + path + " -> " + status;
  }
}
