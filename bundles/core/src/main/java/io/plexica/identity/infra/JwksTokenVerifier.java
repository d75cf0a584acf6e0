package io.plexica.identity.infra;

import io.plexica.identity.app.TokenVerifier;
import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.IdentityHome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Verifies Keycloak access tokens: RS256 only (so {@code alg=none} and HS256 tricks fail), signed
 * by a key of the issuing realm's JWKS (cached; fetched again when a token names an unknown key
 * id), issued by this platform's Keycloak, for the {@code plexica-api} audience, within its
 * lifetime give or take a small clock skew.
 */
public class JwksTokenVerifier implements TokenVerifier {
  static final int CLOCK_SKEW_SECONDS = 10;

  /** A tenant's own realm (its slug), the platform's, or a realm shared by organizations. */
  private static final Pattern REALM =
      Pattern.compile(
          "^[a-z][a-z0-9-]{1,62}$|^" + IdentityHome.SHARED_REALM_PREFIX + "[1-9][0-9]{0,8}$");

  private static final int MAX_REALMS_CACHED = 10_000;

  private final String realmsPrefix;
  private final Map<String, HttpsJwksVerificationKeyResolver> keysByRealm =
      new ConcurrentHashMap<>();
  private final JwtConsumer issuerReader =
      new JwtConsumerBuilder()
          .setSkipAllValidators()
          .setDisableRequireSignature()
          .setSkipSignatureVerification()
          .build();

  public JwksTokenVerifier(String keycloakUrl) {
    this.realmsPrefix = keycloakUrl + "/realms/";
  }

  @Override
  public VerifiedToken verify(String token) {
    String realm = realmOf(token);
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
            .setVerificationKeyResolver(keys(realm))
            .setExpectedIssuer(realmsPrefix + realm)
            .setExpectedAudience(KeycloakSettings.API_AUDIENCE)
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
            .build();
    try {
      JwtClaims claims = consumer.processToClaims(token);
      if (!"Bearer".equals(claims.getClaimValueAsString("typ"))) {
        throw invalid("it is not an access token");
      }
      return new VerifiedToken(realm, JsonText.object(claims.toJson()));
    } catch (InvalidJwtException e) {
      throw invalid(e.hasExpired() ? "it has expired" : "its signature or claims are wrong");
    }
  }

  private String realmOf(String token) {
    String issuer;
    try {
      issuer = issuerReader.processToClaims(token).getIssuer();
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw invalid("it is not a JWT");
    }
    if (issuer == null || !issuer.startsWith(realmsPrefix)) {
      throw invalid("it was not issued by this platform's identity provider");
    }
    String realm = issuer.substring(realmsPrefix.length());
    if (!REALM.matcher(realm).matches()) {
      throw invalid("it names no realm of this platform");
    }
    return realm;
  }

  private HttpsJwksVerificationKeyResolver keys(String realm) {
    if (keysByRealm.size() > MAX_REALMS_CACHED) {
      keysByRealm.clear(); // tokens naming made-up realms must not grow this without bound
    }
    return keysByRealm.computeIfAbsent(
        realm,
        r ->
            new HttpsJwksVerificationKeyResolver(
                new HttpsJwks(realmsPrefix + r + "/protocol/openid-connect/certs")));
  }

  @Override
  public void forgetRealm(String realm) {
    keysByRealm.remove(realm);
  }

  private static ProblemException invalid(String why) {
    return new ProblemException(
        IdentityProblems.INVALID_TOKEN, "The access token was refused: " + why + ".");
  }
}
