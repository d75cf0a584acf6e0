package io.plexica.it;

import static io.plexica.it.Platform.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ratings and reviews through the API: a tenant rates a plugin it installed, every tenant reads the
 * review without learning who wrote it, the plugin's rating and the marketplace follow, a platform
 * administrator hides it (its own tenant sees why) and shows it again.
 */
class MarketplaceReviewsIT {
  private static final String REVIEW = "/marketplace/plugins/notes/review";
  private static final String REVIEWS = "/marketplace/plugins/notes/reviews?size=100";

  @Test
  void aTenantRatesWhatItInstalledOthersReadItAnonymouslyAndAModeratorHidesIt() {
    Platform.deployTestBundle("notes");
    String writer = Platform.uniqueSlug("rev-w");
    String reader = Platform.uniqueSlug("rev-r");
    Platform.createActiveTenant(writer);
    Platform.createActiveTenant(reader);
    assertProblem(
        Platform.asTenantAdmin(writer).body("{\"rating\":5}").put(REVIEW),
        409,
        "review-needs-installation");
    Platform.asTenantAdmin(writer)
        .body("{\"pluginId\":\"notes\"}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);
    try {
      Response bad = Platform.asTenantAdmin(writer).body("{\"rating\":7}").put(REVIEW);
      assertProblem(bad, 400, "validation-failed");
      assertThat(bad.<List<String>>path("errors.field")).containsExactly("rating");

      int before = Platform.asTenantAdmin(reader).get(REVIEWS).path("rating.count");
      String text = "Quick notes, " + UUID.randomUUID();
      Response written =
          Platform.asTenantAdmin(writer).body(Map.of("rating", 4, "text", text)).put(REVIEW);
      assertThat(written.statusCode()).as(written.asString()).isEqualTo(200);
      assertThat(written.<Boolean>path("mine")).isTrue();
      assertThat(written.<String>path("version")).isEqualTo("1.0.0");

      Response read = Platform.asTenantAdmin(reader).get(REVIEWS);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.<Integer>path("rating.count")).isEqualTo(before + 1);
      Map<String, Object> seen = review(read, text);
      assertThat(seen).containsEntry("mine", false).containsEntry("rating", 4);
      assertThat(read.asString()).doesNotContain(writer);
      assertThat(
              Platform.asTenantAdmin(reader)
                  .get("/marketplace/plugins/notes")
                  .<Integer>path("ratings"))
          .isEqualTo(before + 1);

      Response hidden =
          Platform.api()
              .body("{\"reason\":\"Off-topic.\"}")
              .post("/admin/plugin-reviews/notes/" + writer + "/hide");
      assertThat(hidden.statusCode()).as(hidden.asString()).isEqualTo(200);
      assertThat(hidden.<String>path("tenantSlug")).isEqualTo(writer);
      assertThat(Platform.asTenantAdmin(reader).get(REVIEWS).asString()).doesNotContain(text);
      assertThat(Platform.asTenantAdmin(reader).get(REVIEWS).<Integer>path("rating.count"))
          .isEqualTo(before);
      assertThat(review(Platform.asTenantAdmin(writer).get(REVIEWS), text))
          .containsEntry("hiddenReason", "Off-topic.");
      assertThat(
              Platform.api()
                  .get("/admin/plugin-reviews?pluginId=notes&hidden=true&size=100")
                  .<List<String>>path("items.tenantSlug"))
          .contains(writer);
      assertProblem(
          Platform.api().get("/admin/plugin-reviews?hidden=maybe"), 400, "validation-failed");

      Platform.api().post("/admin/plugin-reviews/notes/" + writer + "/show").then().statusCode(200);
      assertThat(review(Platform.asTenantAdmin(reader).get(REVIEWS), text).get("hiddenReason"))
          .isNull();

      Platform.asTenantAdmin(writer).delete(REVIEW).then().statusCode(204);
      assertProblem(Platform.asTenantAdmin(writer).delete(REVIEW), 404, "review-not-found");
      assertThat(Platform.asTenantAdmin(reader).get(REVIEWS).<Integer>path("rating.count"))
          .isEqualTo(before);
    } finally {
      RequestSpecification admin = Platform.asTenantAdmin(writer);
      admin.delete("/plugin-installations/notes?purge=true").then().statusCode(204);
    }
  }

  /** The review with that text among a page's items. */
  private static Map<String, Object> review(Response page, String text) {
    List<Map<String, Object>> items = page.path("items");
    return items.stream()
        .filter(r -> text.equals(r.get("text")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No review '" + text + "' in " + page.asString()));
  }
}
