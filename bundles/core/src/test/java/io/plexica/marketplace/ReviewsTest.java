package io.plexica.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.marketplace.app.Reviews;
import io.plexica.marketplace.domain.Review;
import io.plexica.marketplace.domain.ReviewStore.ReviewPage;
import io.plexica.marketplace.infra.SqlReviewStore;
import io.plexica.plugins.app.PluginCallMetrics;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.shared.query.PageRequest;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.ManualClock;
import io.plexica.testing.PluginNode;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Ratings and reviews on the test run's PostgreSQL: one per tenant that installed the plugin,
 * editable; other tenants read it; a hidden one leaves the rating and their view but not its own
 * tenant's, and stays hidden when edited; every bad input is refused naming its field.
 */
@UsesServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewsTest {
  private static final PageRequest FIRST = new PageRequest(0, 20);
  private final TestPlatform platform = TestPlatform.create();
  private final ManualClock clock = new ManualClock();
  private PluginNode node;
  private Reviews reviews;
  private String pluginId;
  private TenantRef writer;
  private TenantRef reader;
  private final UUID author = UUID.randomUUID();

  @BeforeAll
  void start() throws Exception {
    node = new PluginNode(platform, PluginCallMetrics.NONE);
    reviews =
        new Reviews(
            new SqlReviewStore(TestPlatform.database().dataSource()),
            node.store,
            platform.tenants,
            clock);
    pluginId = "reviewed-" + UUID.randomUUID().toString().substring(0, 8);
    node.deployment.deploy(TestBundles.plugin(pluginId, "1.0.0", "", Map.of()));
    writer = platform.activeTenant("rvw");
    reader = platform.activeTenant("rvr");
    node.installations.install(writer, pluginId, Optional.empty(), "{}");
  }

  @AfterAll
  void stop() {
    node.installations.uninstall(writer, pluginId, true);
    node.deployment.remove(pluginId);
    node.close();
  }

  @Test
  void aTenantRatesOnceAndEditingReplacesItsReviewKeepingItsFirstDate() {
    Review first = reviews.write(writer, author, pluginId, 4, "  Useful.\nFast enough.  ");
    assertThat(first.text()).isEqualTo("Useful.\nFast enough.");
    assertThat(first.pluginVersion()).isEqualTo("1.0.0");
    clock.now = clock.now.plus(Duration.ofMinutes(5));
    Review edited = reviews.write(writer, author, pluginId, 2, "Slower than I thought.");

    assertThat(edited.createdAt()).isEqualTo(first.createdAt());
    assertThat(edited.updatedAt()).isAfter(first.updatedAt());
    ReviewPage seen = reviews.read(reader, pluginId, FIRST);
    assertThat(seen.items()).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(2));
    assertThat(seen.summary().count()).isEqualTo(1);
    assertThat(seen.summary().average()).contains(2.0);
    assertThat(seen.summary().counts()).containsExactly(0, 1, 0, 0, 0);
    assertThat(ratingColumns()).containsExactly(1, 2);

    reviews.delete(writer, pluginId);
    assertThat(reviews.read(reader, pluginId, FIRST).items()).isEmpty();
    assertThat(ratingColumns()).containsExactly(0, 0);
    refused(() -> reviews.delete(writer, pluginId), Reviews.NOT_FOUND, "has no review");
  }

  @Test
  void theVendorsReplyShowsUnderTheReviewAndOutlivesItsEditsUntilTakenBack() {
    Review written = reviews.write(writer, author, pluginId, 3, "No due dates.");
    Review replied = reviews.reply(pluginId, written.id(), "  Due dates come in 1.1.  ");
    assertThat(replied.reply()).contains("Due dates come in 1.1.");
    assertThat(replied.repliedAt()).isPresent();

    Review edited = reviews.write(writer, author, pluginId, 4, "No due dates, yet.");
    assertThat(edited.id()).as("an edited review keeps its id").isEqualTo(written.id());
    assertThat(reviews.read(reader, pluginId, FIRST).items())
        .singleElement()
        .satisfies(r -> assertThat(r.reply()).contains("Due dates come in 1.1."));

    refused(
        () -> reviews.reply(pluginId, written.id(), " "), ProblemType.VALIDATION_FAILED, "text");
    refused(
        () -> reviews.reply(pluginId, java.util.UUID.randomUUID(), "Thanks."),
        Reviews.NOT_FOUND,
        "has no review with id");
    refused(
        () -> reviews.reply("no-such-plugin", written.id(), "Thanks."),
        Reviews.NOT_FOUND,
        "has no review with id");
    reviews.removeReply(pluginId, written.id());
    assertThat(reviews.own(writer, pluginId).reply()).isEmpty();
    reviews.delete(writer, pluginId);
  }

  @Test
  void aHiddenReviewLeavesTheRatingAndOtherTenantsButItsOwnTenantSeesWhy() {
    reviews.write(writer, author, pluginId, 1, "Call me at +1 555 0100.");
    Review hidden = reviews.hide(pluginId, writer.slug(), "Contains a phone number.");
    assertThat(hidden.hiddenReason()).contains("Contains a phone number.");

    assertThat(reviews.read(reader, pluginId, FIRST).items()).isEmpty();
    assertThat(reviews.read(reader, pluginId, FIRST).summary().count()).isZero();
    assertThat(reviews.read(writer, pluginId, FIRST).items())
        .singleElement()
        .satisfies(r -> assertThat(r.hidden()).isTrue());
    assertThat(ratingColumns()).containsExactly(0, 0);
    assertThat(reviews.all(Optional.of(pluginId), Optional.of(true), FIRST).items())
        .singleElement()
        .satisfies(r -> assertThat(r.tenantSlug()).isEqualTo(writer.slug()));

    reviews.write(writer, author, pluginId, 3, "Edited, without the number.");
    assertThat(reviews.read(reader, pluginId, FIRST).items()).as("still hidden").isEmpty();
    reviews.show(pluginId, writer.slug());
    assertThat(reviews.read(reader, pluginId, FIRST).items())
        .singleElement()
        .satisfies(r -> assertThat(r.text()).isEqualTo("Edited, without the number."));
    assertThat(ratingColumns()).containsExactly(1, 3);
    reviews.delete(writer, pluginId);
  }

  @Test
  void whatCannotBeAReviewIsRefusedNamingWhy() {
    refused(
        () -> reviews.write(reader, author, pluginId, 5, "Never used it."),
        Reviews.NOT_INSTALLED,
        "is not installed in this tenant");
    for (Integer rating : new Integer[] {null, 0, 6}) {
      refused(
          () -> reviews.write(writer, author, pluginId, rating, ""),
          ProblemType.VALIDATION_FAILED,
          "rating");
    }
    refused(
        () -> reviews.write(writer, author, pluginId, 3, "x".repeat(2001)),
        ProblemType.VALIDATION_FAILED,
        "text");
    refused(
        () -> reviews.write(writer, author, pluginId, 3, "bell\u0007"),
        ProblemType.VALIDATION_FAILED,
        "text");
    refused(
        () -> reviews.write(writer, author, "no-such-plugin", 3, ""),
        PluginProblems.PLUGIN_NOT_FOUND,
        "no-such-plugin");
    refused(
        () -> reviews.hide(pluginId, writer.slug(), " "), ProblemType.VALIDATION_FAILED, "reason");
    refused(
        () -> reviews.hide(pluginId, reader.slug(), "Spam."),
        Reviews.NOT_FOUND,
        "has no review of plugin");
    assertThat(reviews.all(Optional.of(pluginId), Optional.empty(), FIRST).items()).isEmpty();
  }

  @Test
  void aDeprecatedPluginShowsNoReviews() {
    node.deployment.setStatus(pluginId, RegisteredPlugin.Status.DEPRECATED);
    try {
      refused(
          () -> reviews.read(reader, pluginId, FIRST), PluginProblems.PLUGIN_NOT_FOUND, pluginId);
    } finally {
      node.deployment.setStatus(pluginId, RegisteredPlugin.Status.ACTIVE);
    }
  }

  /** The plugin row's rating count and sum, as the trigger keeps them. */
  private int[] ratingColumns() {
    try (var connection = TestPlatform.database().dataSource().getConnection();
        var statement =
            connection.prepareStatement(
                "SELECT rating_count, rating_sum FROM plexica_core.plugin WHERE id = ?")) {
      statement.setString(1, pluginId);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return new int[] {rows.getInt(1), rows.getInt(2)};
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void refused(Executable action, ProblemType type, String message) {
    assertThatThrownBy(action::execute)
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(type))
        .hasMessageContaining(message);
  }
}
