package io.plexica.keycloak;

import java.util.List;
import java.util.Map;

/**
 * What to move into the realm of the request's path: users (people, by id) and service clients (by
 * their internal id, with their service-account users) of {@code fromRealm}. With {@code
 * fromOrganization}, every user must be a member of that organization of the source realm and of no
 * other; with {@code toOrganization}, every user joins that organization of the target realm.
 * {@code roles} names, by user id (people and service-account users), the target realm's roles each
 * gets there. A {@code dryRun} only reports what would stop the move.
 */
public class MoveRequest {
  public String fromRealm;
  public String fromOrganization;
  public String toOrganization;
  public List<String> users = List.of();
  public List<String> clients = List.of();
  public Map<String, List<String>> roles = Map.of();
  public boolean dryRun;
}
