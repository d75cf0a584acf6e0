package io.plexica.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Registers {@code /admin/realms/{realm}/plexica-people}: Keycloak authenticates the caller as for
 * its own administration API and hands the resource the caller's permissions in that realm.
 */
public final class PeopleMovesFactory
    implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

  public static final String ID = "plexica-people";

  @Override
  public Object getResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    return new PeopleMoveResource(session, realm, auth);
  }

  @Override
  public AdminRealmResourceProvider create(KeycloakSession session) {
    return this;
  }

  @Override
  public void init(Config.Scope config) {
    // Nothing to configure.
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // Nothing to prepare.
  }

  @Override
  public void close() {
    // Holds nothing.
  }

  @Override
  public String getId() {
    return ID;
  }
}
