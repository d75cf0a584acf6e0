package io.plexica.workspaces;

import static io.plexica.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserProfile;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import io.plexica.workspaces.app.Caller;
import io.plexica.workspaces.app.FileService;
import io.plexica.workspaces.app.InvitationMail;
import io.plexica.workspaces.app.InvitationService;
import io.plexica.workspaces.domain.Invitation;
import io.plexica.workspaces.domain.MemberDetails;
import io.plexica.workspaces.domain.Team;
import io.plexica.workspaces.domain.Workspace;
import io.plexica.workspaces.domain.WorkspaceFile;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.domain.WorkspaceSlug;
import io.plexica.workspaces.domain.WorkspaceStore;
import io.plexica.workspaces.infra.InvitationMailQueue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workspace services against the real PostgreSQL, Redis (membership cache) and S3Proxy of the
 * test run: roles, the last-ADMIN rule under concurrency, invitations, teams, files and the audit
 * trail, failure paths included.
 */
@UsesServices
class WorkspaceServicesTest {
  private static final TestPlatform PLATFORM = TestPlatform.create();
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
  private static TenantRef tenant;
  private static Caller tenantAdmin;

  @BeforeAll
  static void provision() {
    tenant = PLATFORM.activeTenant("wss");
    tenantAdmin = PLATFORM.adminCaller(tenant);
  }

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  /** A user of the tenant, mirrored straight into its schema, acting as a plain user. */
  private static Caller user(String name) {
    UUID id = UUID.randomUUID();
    String email = name + "-" + id.toString().substring(0, 6) + "@example.com";
    PLATFORM.identityStore.inTransaction(
        tenant,
        tx -> {
          tx.add(
              new TenantUser(
                  id,
                  new UserProfile(email, email, name, "Test"),
                  true,
                  Set.of("user"),
                  Instant.now()));
          return null;
        });
    return new Caller(id, email, false);
  }

  private static Workspace workspace(Caller creator) {
    String slug = TestPlatform.uniqueSlug("ws");
    return PLATFORM
        .workspaces
        .create(tenant, creator, new WorkspaceSlug(slug), slug, null)
        .workspace();
  }

  private static List<String> actions(UUID workspaceId) {
    return TestPlatform.auditTrail(tenant, Optional.of(workspaceId)).stream()
        .map(AuditEntry::action)
        .toList();
  }

  @Test
  void provisioningMakesTheTenantAdministratorAdminOfTheDefaultWorkspace() {
    Workspace defaultWorkspace =
        PLATFORM.workspaces.all(tenant).stream()
            .filter(w -> w.slug().equals("default"))
            .findFirst()
            .orElseThrow();
    assertThat(PLATFORM.members.list(tenant, tenantAdmin, defaultWorkspace.id()))
        .extracting(MemberDetails::userId, MemberDetails::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(tenantAdmin.userId(), WorkspaceRole.ADMIN));
    assertProblem(
        () -> PLATFORM.workspaces.delete(tenant, tenantAdmin, defaultWorkspace.id(), true),
        WorkspaceProblems.DEFAULT_WORKSPACE);
  }

  @Test
  void rolesDecideWhatMembersMayDoAndChangesCountAtTheNextCall() {
    Caller owner = user("owner");
    Caller viewer = user("viewer");
    Caller stranger = user("stranger");
    Workspace ws = workspace(owner);
    PLATFORM.members.add(tenant, owner, ws.id(), viewer.userId(), WorkspaceRole.VIEWER);

    assertThat(PLATFORM.workspaces.get(tenant, viewer, ws.id()).role())
        .isEqualTo(WorkspaceRole.VIEWER);
    assertProblem(
        () -> PLATFORM.teams.create(tenant, viewer, ws.id(), "Nope", null),
        WorkspaceProblems.ROLE_REQUIRED);
    byte[] text = "x".getBytes(StandardCharsets.UTF_8);
    assertProblem(
        () -> PLATFORM.files.upload(tenant, viewer, ws.id(), "a.txt", "text/plain", text),
        WorkspaceProblems.ROLE_REQUIRED);
    // Not a member: the workspace does not exist as far as it can tell.
    assertProblem(
        () -> PLATFORM.workspaces.get(tenant, stranger, ws.id()),
        WorkspaceProblems.WORKSPACE_NOT_FOUND);
    assertThat(PLATFORM.workspaces.list(tenant, stranger)).isEmpty();
    // Tenant administrators see and manage every workspace.
    assertThat(PLATFORM.workspaces.get(tenant, tenantAdmin, ws.id()).role())
        .isEqualTo(WorkspaceRole.ADMIN);

    // Promotion counts at once, through the shared membership cache.
    PLATFORM.members.changeRole(tenant, owner, ws.id(), viewer.userId(), WorkspaceRole.MEMBER);
    assertThat(PLATFORM.files.upload(tenant, viewer, ws.id(), "a.txt", "text/plain", text).size())
        .isEqualTo(1);
    // And removal too.
    PLATFORM.members.remove(tenant, owner, ws.id(), viewer.userId());
    assertProblem(
        () -> PLATFORM.workspaces.get(tenant, viewer, ws.id()),
        WorkspaceProblems.WORKSPACE_NOT_FOUND);
    assertThat(actions(ws.id()))
        .contains(
            "workspace.created",
            "member.added",
            "member.role_changed",
            "file.uploaded",
            "member.removed");
  }

  @Test
  void usersOfOtherTenantsCannotBeAdded() {
    Caller owner = user("owner");
    Workspace ws = workspace(owner);
    assertThatThrownBy(
            () ->
                PLATFORM.members.add(
                    tenant, owner, ws.id(), UUID.randomUUID(), WorkspaceRole.MEMBER))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
              assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("userId");
            });
  }

  @Test
  void theLastAdminCannotLeaveOrBeDemoted() {
    Caller owner = user("owner");
    Workspace ws = workspace(owner);
    assertProblem(
        () ->
            PLATFORM.members.changeRole(
                tenant, owner, ws.id(), owner.userId(), WorkspaceRole.MEMBER),
        WorkspaceProblems.LAST_ADMIN);
    assertProblem(
        () -> PLATFORM.members.remove(tenant, owner, ws.id(), owner.userId()),
        WorkspaceProblems.LAST_ADMIN);
  }

  /**
   * Two administrators demote each other at the same moment, five times over: each time exactly one
   * wins, and the workspace keeps exactly one ADMIN. The lock is the workspace's row in PostgreSQL.
   */
  @Test
  void twoAdminsDemotingEachOtherAtOnceLeaveExactlyOneAdmin() throws Exception {
    for (int round = 0; round < 5; round++) {
      Caller a = user("a");
      Caller b = user("b");
      Workspace ws = workspace(a);
      PLATFORM.members.add(tenant, a, ws.id(), b.userId(), WorkspaceRole.ADMIN);
      CountDownLatch start = new CountDownLatch(1);
      Future<Object> aDemotesB = POOL.submit(() -> demote(start, a, b, ws.id()));
      Future<Object> bDemotesA = POOL.submit(() -> demote(start, b, a, ws.id()));
      start.countDown();
      List<Object> outcomes = List.of(aDemotesB.get(), bDemotesA.get());
      assertThat(outcomes).filteredOn(o -> o instanceof MemberDetails).hasSize(1);
      assertThat(outcomes)
          .filteredOn(o -> o instanceof ProblemType)
          .hasSize(1)
          .allSatisfy(
              type ->
                  assertThat(type)
                      .isIn(WorkspaceProblems.LAST_ADMIN, WorkspaceProblems.ROLE_REQUIRED));
      assertThat(PLATFORM.members.list(tenant, tenantAdmin, ws.id()))
          .filteredOn(m -> m.role() == WorkspaceRole.ADMIN)
          .hasSize(1);
    }
  }

  private static Object demote(CountDownLatch start, Caller actor, Caller target, UUID ws)
      throws InterruptedException {
    start.await();
    try {
      return PLATFORM.members.changeRole(tenant, actor, ws, target.userId(), WorkspaceRole.MEMBER);
    } catch (ProblemException e) {
      return e.type();
    }
  }

  /** What the token says of the caller's address: verified, as Keycloak marks it. */
  private static Optional<String> verified(Caller caller) {
    return Optional.of(caller.username());
  }

  @Test
  void invitationsAreAcceptedOnceByTheirRecipientBeforeTheyExpire() {
    Caller owner = user("owner");
    Caller grace = user("grace");
    Caller other = user("other");
    Workspace ws = workspace(owner);
    var issued =
        PLATFORM.invitations.invite(
            tenant, owner, ws.id(), grace.username(), WorkspaceRole.MEMBER, Duration.ofDays(7));

    assertProblem(
        () -> PLATFORM.invitations.accept(tenant, other, verified(other), issued.token()),
        WorkspaceProblems.INVITATION_OTHER_RECIPIENT);
    assertProblem(
        () -> PLATFORM.invitations.accept(tenant, grace, Optional.empty(), issued.token()),
        WorkspaceProblems.INVITATION_OTHER_RECIPIENT);
    assertProblem(
        () -> PLATFORM.invitations.accept(tenant, grace, verified(grace), "not-a-token"),
        WorkspaceProblems.INVITATION_NOT_FOUND);
    Invitation accepted =
        PLATFORM.invitations.accept(tenant, grace, verified(grace), issued.token());
    assertThat(accepted.statusAt(Instant.now())).isEqualTo(Invitation.Status.ACCEPTED);
    assertThat(PLATFORM.workspaces.get(tenant, grace, ws.id()).role())
        .isEqualTo(WorkspaceRole.MEMBER);
    assertProblem(
        () -> PLATFORM.invitations.accept(tenant, grace, verified(grace), issued.token()),
        WorkspaceProblems.INVITATION_USED);

    var revoked =
        PLATFORM.invitations.invite(
            tenant, owner, ws.id(), other.username(), WorkspaceRole.VIEWER, Duration.ofDays(1));
    PLATFORM.invitations.revoke(tenant, owner, ws.id(), revoked.invitation().id());
    assertProblem(
        () -> PLATFORM.invitations.accept(tenant, other, verified(other), revoked.token()),
        WorkspaceProblems.INVITATION_REVOKED);

    // A clock a day and a second ahead finds a one-day invitation expired.
    InvitationService later =
        new InvitationService(
            PLATFORM.workspaceStore,
            PLATFORM.workspaceAccess,
            PLATFORM.members,
            Clock.offset(Clock.systemUTC(), Duration.ofDays(1).plusSeconds(1)));
    var expiring =
        PLATFORM.invitations.invite(
            tenant, owner, ws.id(), other.username(), WorkspaceRole.VIEWER, Duration.ofDays(1));
    assertProblem(
        () -> later.accept(tenant, other, verified(other), expiring.token()),
        WorkspaceProblems.INVITATION_EXPIRED);
    assertThat(actions(ws.id()))
        .contains("invitation.created", "invitation.accepted", "invitation.revoked");
  }

  @Test
  void anInvitationIsPreviewedThenDeclinedByItsRecipientAndMembersAreNotInvited() throws Exception {
    Caller owner = user("owner");
    Caller grace = user("grace");
    Caller other = user("other");
    Workspace ws = workspace(owner);
    java.util.List<InvitationMail.Letter> letters = new java.util.ArrayList<>();
    InvitationService invitations = invitationsMailedTo(letters, other, null);

    var issued =
        invitations.invite(
            tenant, owner, ws.id(), grace.username(), WorkspaceRole.VIEWER, Duration.ofDays(7));
    assertThat(issued.invitation().delivery()).isEqualTo(Invitation.Delivery.QUEUED);
    assertThat(issued.token()).as("a mailed link goes to the address alone").isNull();
    assertThat(letters).as("nothing mailed inside the request").isEmpty();

    mailQueue(invitations, 8).mailDue();
    assertThat(letters)
        .singleElement()
        .satisfies(l -> assertThat(l.workspaceName()).isEqualTo(ws.name()));
    assertThat(delivery(invitations, owner, ws, issued.invitation()))
        .isEqualTo(Invitation.Delivery.ACCOUNT_SETUP_MAILED);
    String mailedToken = letters.get(0).token();
    var offer = invitations.preview(tenant, grace, verified(grace), mailedToken);
    assertThat(offer.workspaceName()).isEqualTo(ws.name());
    assertThat(offer.invitation().role()).isEqualTo(WorkspaceRole.VIEWER);
    assertThat(offer.forCaller()).isTrue();
    assertThat(invitations.preview(tenant, other, verified(other), mailedToken).forCaller())
        .isFalse();
    assertProblem(
        () -> invitations.decline(tenant, other, verified(other), mailedToken),
        WorkspaceProblems.INVITATION_OTHER_RECIPIENT);

    Invitation declined = invitations.decline(tenant, grace, verified(grace), mailedToken);
    assertThat(declined.statusAt(Instant.now())).isEqualTo(Invitation.Status.DECLINED);
    assertProblem(
        () -> invitations.accept(tenant, grace, verified(grace), mailedToken),
        WorkspaceProblems.INVITATION_DECLINED);
    assertThatThrownBy(() -> PLATFORM.workspaces.get(tenant, grace, ws.id()))
        .isInstanceOf(ProblemException.class);

    // A member's role is changed on the members list, never by an invitation it could misread.
    PLATFORM.members.add(tenant, owner, ws.id(), other.userId(), WorkspaceRole.MEMBER);
    assertProblem(
        () ->
            invitations.invite(
                tenant, owner, ws.id(), other.username(), WorkspaceRole.VIEWER, Duration.ofDays(7)),
        WorkspaceProblems.MEMBER_EXISTS);
    assertThat(letters).hasSize(1);
    assertThat(actions(ws.id())).contains("invitation.declined");
  }

  @Test
  void anInvitationWhoseMailCannotGoIsTriedAgainThenShownFailedAndNothingIsLeftQueued()
      throws Exception {
    Caller owner = user("owner");
    Workspace ws = workspace(owner);
    java.util.List<InvitationMail.Letter> letters = new java.util.ArrayList<>();
    InvitationService invitations =
        invitationsMailedTo(
            letters,
            null,
            new ProblemException(
                io.plexica.shared.mail.SmtpMailer.MAIL_UNAVAILABLE, "The mail server is away."));
    var issued =
        invitations.invite(
            tenant, owner, ws.id(), "away@example.com", WorkspaceRole.MEMBER, Duration.ofDays(7));
    InvitationMailQueue queue = mailQueue(invitations, 2);

    queue.mailDue();
    assertThat(delivery(invitations, owner, ws, issued.invitation()))
        .as("still queued after the first failure")
        .isEqualTo(Invitation.Delivery.QUEUED);
    assertThat(queued(issued.invitation())).isTrue();
    queue.mailDue();
    assertThat(delivery(invitations, owner, ws, issued.invitation()))
        .isEqualTo(Invitation.Delivery.FAILED);
    assertThat(queued(issued.invitation())).isFalse();
    assertThat(letters).as("both attempts reached the mailer").hasSize(2);

    // Sent again: queued once more, then mailed when the mail server is back.
    InvitationService back = invitationsMailedTo(letters, null, null);
    var resent = back.resend(tenant, owner, ws.id(), issued.invitation().id());
    assertThat(resent.invitation().delivery()).isEqualTo(Invitation.Delivery.QUEUED);
    mailQueue(back, 2).mailDue();
    assertThat(delivery(back, owner, ws, issued.invitation()))
        .isEqualTo(Invitation.Delivery.ACCOUNT_SETUP_MAILED);
    assertThat(letters).hasSize(3);
  }

  @Test
  void aRevokedInvitationIsNotMailed() throws Exception {
    Caller owner = user("owner");
    Workspace ws = workspace(owner);
    java.util.List<InvitationMail.Letter> letters = new java.util.ArrayList<>();
    InvitationService invitations = invitationsMailedTo(letters, null, null);
    var issued =
        invitations.invite(
            tenant, owner, ws.id(), "gone@example.com", WorkspaceRole.MEMBER, Duration.ofDays(7));
    invitations.revoke(tenant, owner, ws.id(), issued.invitation().id());

    mailQueue(invitations, 8).mailDue();
    assertThat(letters).isEmpty();
    assertThat(queued(issued.invitation())).isFalse();
  }

  /**
   * Invitations mailed by a stand-in for the mail server that keeps this tenant's letters and fails
   * with {@code failure} when there is one; {@code member} has an account.
   */
  private static InvitationService invitationsMailedTo(
      java.util.List<InvitationMail.Letter> letters, Caller member, RuntimeException failure) {
    InvitationMail mail =
        new InvitationMail() {
          @Override
          public boolean enabled() {
            return true;
          }

          @Override
          public Optional<java.util.UUID> accountOf(TenantRef t, String email) {
            return member != null && email.equals(member.username())
                ? Optional.of(member.userId())
                : Optional.empty();
          }

          @Override
          public Invitation.Delivery deliver(
              TenantRef t, Optional<java.util.UUID> account, Letter letter) {
            if (t.id().equals(tenant.id())) {
              letters.add(letter); // not the leftovers of other tenants in the test database
            }
            if (failure != null) {
              throw failure;
            }
            return account.isPresent()
                ? Invitation.Delivery.JOIN_LINK_MAILED
                : Invitation.Delivery.ACCOUNT_SETUP_MAILED;
          }
        };
    return new InvitationService(
        PLATFORM.workspaceStore,
        PLATFORM.workspaceAccess,
        PLATFORM.members,
        Clock.systemUTC(),
        mail);
  }

  /** The queue as a node works it, retrying at once, giving up after {@code attempts}. */
  private static InvitationMailQueue mailQueue(InvitationService invitations, int attempts) {
    return new InvitationMailQueue(
        TestPlatform.database().dataSource(),
        PLATFORM.tenants,
        invitations,
        new InvitationMailQueue.Settings(
            Duration.ofSeconds(1), 100, Duration.ZERO, attempts, Duration.ZERO, Duration.ZERO));
  }

  private static Invitation.Delivery delivery(
      InvitationService invitations, Caller admin, Workspace ws, Invitation invitation) {
    return invitations.list(tenant, admin, ws.id()).stream()
        .filter(i -> i.id().equals(invitation.id()))
        .findFirst()
        .orElseThrow()
        .delivery();
  }

  private static boolean queued(Invitation invitation) throws java.sql.SQLException {
    try (var connection = TestPlatform.database().dataSource().getConnection();
        var query =
            connection.prepareStatement(
                "SELECT 1 FROM plexica_core.invitation_mail WHERE invitation_id = ?")) {
      query.setObject(1, invitation.id());
      try (var row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  @Test
  void aWorkspaceWithTeamsIsDeletedOnlyWithItsTeamsAndTakesItsFiles() {
    Caller owner = user("owner");
    Caller member = user("member");
    Workspace ws = workspace(owner);
    PLATFORM.members.add(tenant, owner, ws.id(), member.userId(), WorkspaceRole.MEMBER);
    Team team = PLATFORM.teams.create(tenant, owner, ws.id(), "Design", "Pixels");
    assertProblem(
        () -> PLATFORM.teams.create(tenant, owner, ws.id(), "Design", null),
        WorkspaceProblems.TEAM_NAME_TAKEN);
    assertProblem(
        () -> PLATFORM.teams.addMember(tenant, owner, ws.id(), team.id(), user("x").userId()),
        ProblemType.VALIDATION_FAILED);
    PLATFORM.teams.addMember(tenant, owner, ws.id(), team.id(), member.userId());
    assertThatThrownBy(
            () -> PLATFORM.teams.addMember(tenant, owner, ws.id(), team.id(), member.userId()))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("member Test is already in the team Design")
        .hasMessageNotContaining(member.userId().toString());
    WorkspaceFile file =
        PLATFORM.files.upload(
            tenant, member, ws.id(), "notes.txt", "text/plain; charset=utf-8", new byte[] {1, 2});
    assertThat(PLATFORM.storage.get(tenant.id(), file.objectKey())).isPresent();

    assertProblem(
        () -> PLATFORM.workspaces.delete(tenant, owner, ws.id(), false),
        WorkspaceProblems.HAS_TEAMS);
    assertThat(PLATFORM.teams.members(tenant, owner, ws.id(), team.id())).hasSize(1);

    PLATFORM.workspaces.delete(tenant, owner, ws.id(), true);
    assertProblem(
        () -> PLATFORM.workspaces.get(tenant, tenantAdmin, ws.id()),
        WorkspaceProblems.WORKSPACE_NOT_FOUND);
    assertThat(PLATFORM.storage.list(tenant.id(), WorkspaceFile.workspacePrefix(ws.id())))
        .isEmpty();
    assertThat(actions(ws.id())).contains("team.created", "team.member_added", "workspace.deleted");
  }

  @Test
  void filesOutsideTheLimitsAreRefusedAndAFailedUploadLeavesNoObject() {
    Caller owner = user("owner");
    Workspace ws = workspace(owner);
    assertProblem(
        () ->
            PLATFORM.files.upload(
                tenant, owner, ws.id(), "a.exe", "application/x-msdownload", new byte[1]),
        WorkspaceProblems.FILE_TYPE_REFUSED);
    assertProblem(
        () ->
            PLATFORM.files.upload(
                tenant,
                owner,
                ws.id(),
                "big.txt",
                "text/plain",
                new byte[(int) TestPlatform.MAX_FILE_BYTES + 1]),
        WorkspaceProblems.FILE_TOO_LARGE);

    FileService failing =
        new FileService(
            new FailingStore(PLATFORM.workspaceStore),
            PLATFORM.workspaceAccess,
            PLATFORM.storage,
            Clock.systemUTC(),
            TestPlatform.MAX_FILE_BYTES,
            FileService.DEFAULT_TYPES,
            QuotaGuard.NONE);
    assertThatThrownBy(
            () ->
                failing.upload(tenant, owner, ws.id(), "a.txt", "text/plain", new byte[] {1, 2, 3}))
        .hasMessageContaining("injected");
    assertThat(PLATFORM.storage.list(tenant.id(), WorkspaceFile.workspacePrefix(ws.id())))
        .isEmpty();
    assertThat(PLATFORM.files.list(tenant, owner, ws.id())).isEmpty();
  }

  @Test
  void purgingATenantRemovesItsBucket() {
    TenantRef doomed = PLATFORM.activeTenant("purge");
    assertThat(PLATFORM.storage.bucketExists(doomed.id())).isTrue();
    PLATFORM.storage.put(doomed.id(), "workspaces/x/files/y", "text/plain", new byte[] {1});
    PLATFORM.tenantService.delete(doomed.slug(), true);
    assertThat(PLATFORM.storage.bucketExists(doomed.id())).isFalse();
  }

  /** Reads as the real store does; every transaction fails after its work, before the commit. */
  private record FailingStore(WorkspaceStore real) implements WorkspaceStore {
    @Override
    public <T> T inTransaction(TenantRef tenant, Function<Tx, T> work) {
      return real.inTransaction(
          tenant,
          tx -> {
            work.apply(tx);
            throw new IllegalStateException("injected failure before commit");
          });
    }

    @Override
    public <T> T read(TenantRef tenant, Function<Tx, T> work) {
      return real.read(tenant, work);
    }
  }
}
