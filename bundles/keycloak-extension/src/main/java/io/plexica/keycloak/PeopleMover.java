package io.plexica.keycloak;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.provider.Provider;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/**
 * The move itself. Keycloak keys users, clients and credentials by ids unique across realms, so a
 * user keeps its id only by leaving the source before it arrives: each is read whole, removed from
 * the source (Keycloak's JPA store flushes each removal at once), and made again in the target with
 * the same id. All of it runs in the request's transaction, which commits it all or nothing.
 */
final class PeopleMover {
  /** Kept by the user model itself, not as free attributes. */
  private static final Set<String> PROFILE_ATTRIBUTES =
      Set.of(UserModel.USERNAME, UserModel.EMAIL, UserModel.FIRST_NAME, UserModel.LAST_NAME);

  private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

  private final KeycloakSession session;
  private final RealmModel source;
  private final RealmModel target;
  private final MoveRequest request;

  PeopleMover(KeycloakSession session, RealmModel source, RealmModel target, MoveRequest request) {
    this.session = session;
    this.source = source;
    this.target = target;
    this.request = request;
  }

  /**
   * Everything that would stop the move, in words an operator understands; empty when none. Within
   * one realm (a dry run before the target exists) only what the source decides.
   */
  List<String> conflicts() {
    List<String> conflicts = new ArrayList<>();
    OrganizationModel from = organization(source, request.fromOrganization, conflicts);
    organization(target, request.toOrganization, conflicts);
    for (String id : request.users) {
      UserModel user = session.users().getUserById(source, id);
      if (user == null) {
        conflicts.add("user " + id + " is not in realm " + source.getName());
        continue;
      }
      String who = "user " + user.getUsername();
      if (user.getServiceAccountClientLink() != null) {
        conflicts.add(who + " is a service account: move its client");
      }
      if (user.getFederationLink() != null) {
        conflicts.add(who + " comes from a user federation of realm " + source.getName());
      }
      session
          .users()
          .getFederatedIdentitiesStream(source, user)
          .forEach(
              link ->
                  conflicts.add(
                      who + " signs in through identity provider " + link.getIdentityProvider()));
      if (from != null) {
        inRealm(source);
        List<String> organizations =
            orgs().getByMember(user).map(OrganizationModel::getId).collect(Collectors.toList());
        if (!organizations.contains(from.getId())) {
          conflicts.add(who + " is not a member of organization " + from.getAlias());
        } else if (organizations.size() > 1) {
          conflicts.add(
              who + " is also a member of another organization of realm " + source.getName());
        }
      }
      if (source.getId().equals(target.getId())) {
        continue;
      }
      if (session.users().getUserByUsername(target, user.getUsername()) != null) {
        conflicts.add("username " + user.getUsername() + " is taken in realm " + target.getName());
      }
      if (user.getEmail() != null
          && !target.isDuplicateEmailsAllowed()
          && session.users().getUserByEmail(target, user.getEmail()) != null) {
        conflicts.add("e-mail " + user.getEmail() + " is taken in realm " + target.getName());
      }
    }
    if (!source.getId().equals(target.getId())) {
      request.roles.values().stream()
          .flatMap(List::stream)
          .distinct()
          .filter(role -> target.getRole(role) == null)
          .forEach(role -> conflicts.add("role " + role + " is not in realm " + target.getName()));
    }
    for (String id : request.clients) {
      ClientModel client = source.getClientById(id);
      if (client == null) {
        conflicts.add("client " + id + " is not in realm " + source.getName());
      } else if (!source.getId().equals(target.getId())
          && target.getClientByClientId(client.getClientId()) != null) {
        conflicts.add("client " + client.getClientId() + " is taken in realm " + target.getName());
      }
    }
    return conflicts;
  }

  /** Moves everything asked for; what moved, by kind. */
  Map<String, Object> move() {
    List<Person> people = new ArrayList<>();
    for (String id : request.users) {
      people.add(Person.of(session.users().getUserById(source, id)));
    }
    List<Client> clients = new ArrayList<>();
    for (String id : request.clients) {
      clients.add(Client.of(session, source.getClientById(id)));
    }

    Optional<EntityManager> store = entityManager();
    // Every query of Keycloak's store flushes the whole transaction first, and one transaction
    // holds
    // every user moved: hundreds of people made the flushes cost more than the work (500 people:
    // 46 s one way, 104 s the other). The store is flushed once per person instead.
    store.ifPresent(em -> em.setFlushMode(FlushModeType.COMMIT));
    inRealm(source);
    for (Person person : people) {
      session.users().removeUser(source, session.users().getUserById(source, person.id()));
    }
    ClientManager clientManager = new ClientManager(new RealmManager(session));
    for (Client client : clients) {
      clientManager.removeClient(source, source.getClientById(client.representation().getId()));
    }

    inRealm(target);
    OrganizationModel to =
        request.toOrganization == null ? null : orgs().getById(request.toOrganization);
    for (Person person : people) {
      UserModel made = person.makeIn(session, target);
      grantRoles(made);
      store.ifPresent(EntityManager::flush);
      if (to != null) {
        orgs().addMember(to, made);
      }
    }
    for (Client client : clients) {
      client.makeIn(session, target).ifPresent(this::grantRoles);
      store.ifPresent(EntityManager::flush);
    }
    store.ifPresent(em -> em.setFlushMode(FlushModeType.AUTO));
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put("users", people.size());
    moved.put("clients", clients.size());
    return moved;
  }

  private void grantRoles(UserModel user) {
    for (String role : request.roles.getOrDefault(user.getId(), List.of())) {
      user.grantRole(target.getRole(role));
    }
  }

  private OrganizationModel organization(RealmModel realm, String id, List<String> conflicts) {
    if (id == null) {
      return null;
    }
    inRealm(realm);
    OrganizationModel organization = orgs().getById(id);
    if (organization == null) {
      conflicts.add("organization " + id + " is not in realm " + realm.getName());
    }
    return organization;
  }

  /** Organizations are looked up in the session's current realm. */
  private void inRealm(RealmModel realm) {
    session.getContext().setRealm(realm);
  }

  /**
   * The transaction's JPA entity manager, when Keycloak stores in a database through JPA (its
   * provider type lives in a module whose build is not published, hence the look-up by name).
   */
  private Optional<EntityManager> entityManager() {
    try {
      Class<? extends Provider> type =
          Class.forName("org.keycloak.connections.jpa.JpaConnectionProvider")
              .asSubclass(Provider.class);
      Provider provider = session.getProvider(type);
      return provider == null
          ? Optional.empty()
          : Optional.of((EntityManager) type.getMethod("getEntityManager").invoke(provider));
    } catch (ReflectiveOperationException | ClassCastException e) {
      return Optional.empty();
    }
  }

  private OrganizationProvider orgs() {
    return session.getProvider(OrganizationProvider.class);
  }

  /** A user read whole before it leaves its realm. */
  private record Person(
      String id,
      String username,
      String email,
      String firstName,
      String lastName,
      boolean enabled,
      boolean emailVerified,
      Long createdTimestamp,
      Map<String, List<String>> attributes,
      List<String> requiredActions,
      List<CredentialModel> credentials) {

    static Person of(UserModel user) {
      Map<String, List<String>> attributes = new LinkedHashMap<>();
      user.getAttributes()
          .forEach(
              (name, values) -> {
                if (!PROFILE_ATTRIBUTES.contains(name)) {
                  attributes.put(name, List.copyOf(values));
                }
              });
      return new Person(
          user.getId(),
          user.getUsername(),
          user.getEmail(),
          user.getFirstName(),
          user.getLastName(),
          user.isEnabled(),
          user.isEmailVerified(),
          user.getCreatedTimestamp(),
          attributes,
          user.getRequiredActionsStream().collect(Collectors.toList()),
          user.credentialManager().getStoredCredentialsStream().map(Person::copy).toList());
    }

    private static CredentialModel copy(CredentialModel stored) {
      CredentialModel copy = new CredentialModel();
      copy.setType(stored.getType());
      copy.setUserLabel(stored.getUserLabel());
      copy.setCreatedDate(stored.getCreatedDate());
      copy.setSecretData(stored.getSecretData());
      copy.setCredentialData(stored.getCredentialData());
      return copy;
    }

    UserModel makeIn(KeycloakSession session, RealmModel realm) {
      UserModel user = session.users().addUser(realm, id, username, true, false);
      user.setEmail(email);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEnabled(enabled);
      user.setEmailVerified(emailVerified);
      user.setCreatedTimestamp(createdTimestamp);
      attributes.forEach(user::setAttribute);
      requiredActions.forEach(user::addRequiredAction);
      credentials.forEach(user.credentialManager()::createStoredCredential);
      return user;
    }
  }

  /** A service client with the id of its service-account user, read before it leaves its realm. */
  private record Client(ClientRepresentation representation, String serviceAccountId) {
    static Client of(KeycloakSession session, ClientModel client) {
      UserModel serviceAccount = session.users().getServiceAccount(client);
      return new Client(
          ModelToRepresentation.toRepresentation(client, session),
          serviceAccount == null ? null : serviceAccount.getId());
    }

    /** The client made in {@code realm}, and its service-account user if it has one. */
    Optional<UserModel> makeIn(KeycloakSession session, RealmModel realm) {
      ClientModel made = RepresentationToModel.createClient(session, realm, representation);
      if (serviceAccountId == null) {
        return Optional.empty();
      }
      UserModel user =
          session
              .users()
              .addUser(
                  realm,
                  serviceAccountId,
                  SERVICE_ACCOUNT_PREFIX + made.getClientId(),
                  true,
                  false);
      user.setEnabled(true);
      user.setServiceAccountClientLink(made.getId());
      return Optional.of(user);
    }
  }
}
