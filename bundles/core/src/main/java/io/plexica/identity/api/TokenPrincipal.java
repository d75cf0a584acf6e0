package io.plexica.identity.api;

import io.plexica.identity.domain.VerifiedToken;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified token in the MicroProfile JWT model: {@code groups} are the realm roles, the name is
 * the user's preferred user name, and the raw token is never kept.
 */
final class TokenPrincipal implements JsonWebToken {
  private final VerifiedToken token;

  TokenPrincipal(VerifiedToken token) {
    this.token = token;
  }

  @Override
  public String getName() {
    return token.username();
  }

  @Override
  public Set<String> getClaimNames() {
    return token.claims().keySet();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getClaim(String name) {
    if (Claims.groups.name().equals(name)) {
      return (T) token.roles();
    }
    if (Claims.raw_token.name().equals(name)) {
      return null;
    }
    JsonValue value = token.claims().get(name);
    if (value instanceof JsonString text) {
      return (T) text.getString();
    }
    if (value instanceof JsonNumber number) {
      return (T) Long.valueOf(number.longValue());
    }
    return (T) value;
  }
}
