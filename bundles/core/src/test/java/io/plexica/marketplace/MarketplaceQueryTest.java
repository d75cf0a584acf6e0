package io.plexica.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.marketplace.domain.MarketplaceQuery;
import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarketplaceQueryTest {
  @Test
  void aPersonsTextBecomesWordsThatCannotBeTsquerySyntax() {
    assertThat(MarketplaceQuery.words(Optional.of("  Invoice & PDF:* | !crm 'x' ")))
        .containsExactly("invoice", "pdf", "crm", "x");
    assertThat(MarketplaceQuery.words(Optional.of("Rechnungen über Äpfel")))
        .containsExactly("rechnungen", "über", "äpfel");
    assertThat(MarketplaceQuery.words(Optional.of("a b c d e f g h i j"))).hasSize(8);
    assertThat(MarketplaceQuery.words(Optional.of("!!! ..."))).isEmpty();
    assertThatThrownBy(
            () ->
                new MarketplaceQuery(
                    List.of("pdf:*"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    MarketplaceQuery.Sort.NAME,
                    new io.plexica.shared.query.PageRequest(0, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theOrderDefaultsToRelevanceWithWordsAndToPopularityWithout() {
    assertThat(MarketplaceQuery.parse("crm", null, null, null, null, null, null, null).sort())
        .isEqualTo(MarketplaceQuery.Sort.RELEVANCE);
    assertThat(MarketplaceQuery.parse(" ", null, null, null, null, null, null, null).sort())
        .isEqualTo(MarketplaceQuery.Sort.POPULAR);
    MarketplaceQuery query =
        MarketplaceQuery.parse("crm", "sales", "Acme", "contacts", "Recent", "2", "10", "tag, ");
    assertThat(query.sort()).isEqualTo(MarketplaceQuery.Sort.RECENT);
    assertThat(query.category()).contains("sales");
    assertThat(query.vendor()).contains("Acme");
    assertThat(query.tag()).contains("contacts");
    assertThat(query.page().offset()).isEqualTo(20);
    assertThat(query.facets()).containsExactly(MarketplaceQuery.Facet.TAG);
    assertThat(MarketplaceQuery.parse("", null, null, null, null, null, null, "").facets())
        .isEmpty();
    assertThat(MarketplaceQuery.parse("", null, null, null, null, null, null, null).facets())
        .hasSize(3);
  }

  @Test
  void aVendorIsOneLineOfAtMostOneHundredCharacters() {
    assertThat(
            MarketplaceQuery.parse(null, null, " Acme Inc. ", null, null, null, null, null)
                .vendor())
        .contains("Acme Inc.");
    assertThatThrownBy(
            () -> MarketplaceQuery.parse(null, null, "Acme\u0007Inc", null, null, null, null, null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("vendor"));
  }

  @Test
  void everyBadParameterIsNamedAtOnce() {
    assertThatThrownBy(
            () ->
                MarketplaceQuery.parse(
                    "x".repeat(201),
                    "Not A Category",
                    "v".repeat(101),
                    "tag with spaces",
                    "cheapest",
                    "-1",
                    "1000",
                    "price"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "q", "category", "vendor", "tag", "sort", "page", "size", "facets"));
  }
}
