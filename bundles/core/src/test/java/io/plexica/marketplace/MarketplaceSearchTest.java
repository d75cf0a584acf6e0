package io.plexica.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.plexica.marketplace.app.Marketplace;
import io.plexica.marketplace.domain.MarketplaceQuery;
import io.plexica.marketplace.domain.MarketplaceResults;
import io.plexica.marketplace.domain.MarketplaceResults.Count;
import io.plexica.marketplace.domain.MarketplaceResults.Listing;
import io.plexica.marketplace.domain.Review;
import io.plexica.marketplace.infra.SqlMarketplaceCatalog;
import io.plexica.marketplace.infra.SqlReviewStore;
import io.plexica.plugins.app.PluginCallMetrics;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.query.PageRequest;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.testing.PluginNode;
import io.plexica.testing.TestBundles;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The marketplace's search on the test run's PostgreSQL, over plugins deployed for real: words
 * found by prefix and stem and ranked name first, filters with facets that ignore their own filter,
 * paging, install counts kept by the database, deprecated plugins unlisted. Every query is narrowed
 * to this run's vendor, since the registry is shared with the other tests.
 */
@UsesServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketplaceSearchTest {
  private final TestPlatform platform = TestPlatform.create();

  /** Eight random letters: a word of every id of this run, which searches narrow to. */
  private final String run = randomWord();

  private final String vendor = "Search Tests " + run;
  private final String otherVendor = "Other Tests " + run;
  private final List<String> deployed = new ArrayList<>();
  private PluginNode node;
  private SqlMarketplaceCatalog catalog;
  private String invoices;
  private String ledger;
  private String mailer;
  private String pdfKit;
  private String otherInvoices;

  @BeforeAll
  void deployFivePlugins() throws Exception {
    node = new PluginNode(platform, PluginCallMetrics.NONE);
    catalog = new SqlMarketplaceCatalog(TestPlatform.database().dataSource());
    invoices =
        deploy(
            "invoices",
            "Invoicing",
            vendor,
            "finance",
            List.of("billing", "pdf"),
            "Send invoices to customers.");
    ledger =
        deploy(
            "ledger",
            "Ledger",
            vendor,
            "finance",
            List.of("accounting"),
            "Double-entry books; exports invoices.");
    mailer =
        deploy(
            "mailer",
            "Mailer",
            vendor,
            "marketing",
            List.of("email"),
            "Campaign mails and their analytics.");
    pdfKit =
        deploy("pdfkit", "PDF kit", vendor, "tools", List.of("pdf"), "Renders documents to PDF.");
    otherInvoices =
        deploy("otherinv", "Invoices Pro", otherVendor, "finance", List.of("billing"), "Invoices.");
  }

  @AfterAll
  void removeThem() {
    deployed.forEach(node.deployment::remove);
    node.close();
  }

  @Test
  void wordsAreFoundByTheirStartAndStemAndANameMatchRanksAboveADescriptionMatch() {
    assertThat(ids(search("invoice", vendor))).containsExactly(invoices, ledger);
    assertThat(ids(search("invo", vendor))).containsExactly(invoices, ledger);
    assertThat(ids(search("INVOICES!", vendor))).containsExactly(invoices, ledger);
    // Every word is required; tags and categories are searched too.
    assertThat(ids(search("invoice billing", vendor))).containsExactly(invoices);
    assertThat(ids(search("accounting", vendor))).containsExactly(ledger);
    assertThat(ids(search("marketing", vendor))).containsExactly(mailer);
    // A word's start whose stem is not the start of the word's stem: "analy" stems to "anali".
    assertThat(ids(search("analy", vendor))).containsExactly(mailer);
    assertThat(search("nothing-like-this", vendor).total()).isZero();
  }

  @Test
  void filtersNarrowAndEachFacetCountsWithoutItsOwnFilter() {
    MarketplaceResults pdf = catalog.search(query(List.of(), "pdf", MarketplaceQuery.Sort.NAME));
    assertThat(ids(pdf)).containsExactly(invoices, pdfKit);
    assertThat(pdf.total()).isEqualTo(2);
    // The tag facet ignores the tag filter: the other tags stay offered with their counts.
    assertThat(pdf.facets().tags())
        .contains(new Count("pdf", 2), new Count("billing", 2), new Count("accounting", 1));
    assertThat(pdf.facets().categories())
        .containsExactly(new Count("finance", 1), new Count("tools", 1));

    MarketplaceResults both =
        catalog.search(
            new MarketplaceQuery(
                List.of(run),
                Optional.of("finance"),
                Optional.empty(),
                Optional.empty(),
                MarketplaceQuery.Sort.NAME,
                new PageRequest(0, 20)));
    assertThat(ids(both)).containsExactlyInAnyOrder(invoices, ledger, otherInvoices);
    assertThat(both.facets().vendors())
        .containsExactly(new Count(vendor, 2), new Count(otherVendor, 1));
    assertThat(both.facets().categories())
        .contains(new Count("finance", 3), new Count("marketing", 1), new Count("tools", 1));
  }

  @Test
  void pagesAreStableAndCountEveryMatch() {
    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      MarketplaceResults results = catalog.search(byVendor(MarketplaceQuery.Sort.NAME, page, 2));
      assertThat(results.total()).isEqualTo(4);
      seen.addAll(ids(results));
    }
    assertThat(seen).containsExactly(invoices, ledger, mailer, pdfKit);
    MarketplaceResults beyond = catalog.search(byVendor(MarketplaceQuery.Sort.NAME, 5, 2));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(4);
  }

  @Test
  void installsAreCountedAsTenantsInstallAndUninstallAndShownToTheTenant() {
    TenantRef a = platform.activeTenant("mkt-a");
    TenantRef b = platform.activeTenant("mkt-b");
    Marketplace search = marketplace();
    node.installations.install(a, mailer, "{}");
    node.installations.install(b, mailer, "{}");
    node.installations.install(a, pdfKit, "{}");
    String mailerVersion = listing(mailer).currentVersion();
    try {
      MarketplaceResults popular = catalog.search(byVendor(MarketplaceQuery.Sort.POPULAR, 0, 20));
      assertThat(popular.items())
          .extracting(Listing::id, Listing::installs)
          .startsWith(tuple(mailer, 2), tuple(pdfKit, 1));
      assertThat(search.search(a, query(List.of(), null, MarketplaceQuery.Sort.NAME)).installed())
          .isEqualTo(Map.of(mailer, mailerVersion, pdfKit, "1.0.0"));
      assertThat(search.search(b, query(List.of(), null, MarketplaceQuery.Sort.NAME)).installed())
          .isEqualTo(Map.of(mailer, mailerVersion));
    } finally {
      node.installations.uninstall(a, mailer, true);
      node.installations.uninstall(b, mailer, true);
      node.installations.uninstall(a, pdfKit, true);
    }
    assertThat(listing(mailer).installs()).isZero();
    assertThat(listing(pdfKit).installs()).isZero();
  }

  @Test
  void aDeprecatedPluginIsNotListedAndANewVersionsManifestIsWhatIsFound() {
    node.deployment.setStatus(ledger, RegisteredPlugin.Status.DEPRECATED);
    try {
      assertThat(ids(search("ledger", vendor))).isEmpty();
    } finally {
      node.deployment.setStatus(ledger, RegisteredPlugin.Status.ACTIVE);
    }
    assertThat(ids(search("ledger", vendor))).containsExactly(ledger);

    node.deployment.deploy(
        bundle(
            mailer,
            "1.1.0",
            "Mailer",
            vendor,
            "marketing",
            List.of("newsletter"),
            "Campaign mails and their analytics.",
            ""));
    assertThat(ids(search("newsletter", vendor))).containsExactly(mailer);
    assertThat(ids(search("email", vendor))).isEmpty();
    assertThat(listing(mailer).currentVersion()).isEqualTo("1.1.0");
    assertThat(listing(mailer).tags()).containsExactly("newsletter");
  }

  @Test
  void aPluginsPageShowsEveryVersionNewestFirstWithWhatItAsksForAndNeedsInTheTenant() {
    TenantRef tenant = platform.activeTenant("mkt-page");
    String reports =
        deploy("reports", "Reports", vendor, "analytics", List.of("charts"), "Charts.");
    node.deployment.deploy(
        bundle(
            reports,
            "1.1.0",
            "Reports",
            vendor,
            "analytics",
            List.of("charts"),
            "Charts.",
            ",\"permissions\":[{\"name\":\""
                + reports
                + ":charts:read\",\"description\":\"Read charts\"}],"
                + "\"dependencies\":[{\"id\":\""
                + ledger
                + "\",\"version\":\"[1.0,2)\"}],\"icon\":\"ui/icon.svg\""));
    Marketplace.PluginPage page = marketplace().plugin(tenant, reports);
    assertThat(page.versions())
        .extracting(v -> v.manifest().version())
        .containsExactly("1.1.0", "1.0.0");
    Marketplace.VersionPage newest = page.versions().get(0);
    assertThat(newest.manifest().permissions())
        .extracting(PluginManifest.PluginPermission::name)
        .containsExactly(reports + ":charts:read");
    assertThat(newest.requirements())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.pluginId()).isEqualTo(ledger);
              assertThat(r.met()).isFalse();
            });
    assertThat(page.versions().get(1).requirements()).isEmpty();
    assertThat(page.installedVersion()).isEmpty();
    assertThat(page.listing().currentVersion()).isEqualTo("1.1.0");

    node.installations.install(tenant, reports, Optional.of("1.0.0"), "{}");
    try {
      assertThat(marketplace().plugin(tenant, reports).installedVersion()).contains("1.0.0");
    } finally {
      node.installations.uninstall(tenant, reports, true);
    }
    node.deployment.setStatus(reports, RegisteredPlugin.Status.DEPRECATED);
    assertThatThrownBy(() -> marketplace().plugin(tenant, reports))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(PluginProblems.PLUGIN_NOT_FOUND));
  }

  private Marketplace marketplace() {
    return new Marketplace(catalog, node.deployment, node.installations);
  }

  private Listing listing(String id) {
    return search(id.replace('-', ' '), vendor).items().stream()
        .filter(l -> l.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** This run's vendor's plugins, in an order, a page of {@code size}. */
  private MarketplaceQuery byVendor(MarketplaceQuery.Sort sort, int page, int size) {
    return new MarketplaceQuery(
        List.of(),
        Optional.empty(),
        Optional.of(vendor),
        Optional.empty(),
        sort,
        new PageRequest(page, size));
  }

  @Test
  void theBestRatedComeFirstThenTheMostRatedAndTheUnratedLast() {
    SqlReviewStore reviews = new SqlReviewStore(TestPlatform.database().dataSource());
    TenantRef first = platform.activeTenant("rate");
    TenantRef second = platform.activeTenant("rate");
    rate(reviews, ledger, first, 5);
    rate(reviews, mailer, first, 3);
    rate(reviews, mailer, second, 5);
    try {
      MarketplaceResults rated =
          catalog.search(
              new MarketplaceQuery(
                  List.of(run),
                  Optional.empty(),
                  Optional.of(vendor),
                  Optional.empty(),
                  MarketplaceQuery.Sort.RATING,
                  new PageRequest(0, 20)));
      assertThat(ids(rated)).containsExactly(ledger, mailer, invoices, pdfKit);
      assertThat(rated.items())
          .extracting(Listing::ratings, l -> l.rating().orElse(null))
          .containsExactly(tuple(1, 5.0), tuple(2, 4.0), tuple(0, null), tuple(0, null));
      assertThat(catalog.listing(mailer).orElseThrow().rating()).contains(4.0);
    } finally {
      reviews.delete(ledger, first.id());
      reviews.delete(mailer, first.id());
      reviews.delete(mailer, second.id());
    }
    assertThat(catalog.listing(mailer).orElseThrow().ratings()).isZero();
  }

  private static void rate(SqlReviewStore reviews, String pluginId, TenantRef tenant, int rating) {
    Instant now = Instant.now();
    reviews.save(
        new Review(
            pluginId,
            tenant.id(),
            tenant.slug(),
            rating,
            "",
            "1.0.0",
            UUID.randomUUID(),
            now,
            now,
            Optional.empty(),
            Optional.empty()));
  }

  private MarketplaceResults search(String text, String vendorName) {
    return catalog.search(
        new MarketplaceQuery(
            MarketplaceQuery.words(Optional.of(text)),
            Optional.empty(),
            Optional.of(vendorName),
            Optional.empty(),
            MarketplaceQuery.Sort.RELEVANCE,
            new PageRequest(0, 20)));
  }

  /** This run's plugins, whatever the vendor, by the word every one of their ids holds. */
  private MarketplaceQuery query(List<String> words, String tag, MarketplaceQuery.Sort sort) {
    List<String> all = new ArrayList<>(words);
    all.add(run);
    return new MarketplaceQuery(
        all,
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(tag),
        sort,
        new PageRequest(0, 20));
  }

  private static String randomWord() {
    java.util.Random random = new java.security.SecureRandom();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  private static List<String> ids(MarketplaceResults results) {
    return results.items().stream().map(Listing::id).toList();
  }

  private String deploy(
      String prefix,
      String name,
      String vendorName,
      String category,
      List<String> tags,
      String description) {
    String id = prefix + "-" + run;
    node.deployment.deploy(bundle(id, "1.0.0", name, vendorName, category, tags, description, ""));
    deployed.add(0, id); // removed newest first: a dependent before what it depends on
    return id;
  }

  private static byte[] bundle(
      String id,
      String version,
      String name,
      String vendorName,
      String category,
      List<String> tags,
      String description,
      String more) {
    String tagList = String.join(",", tags.stream().map(t -> "\"" + t + "\"").toList());
    return TestBundles.jar(
        Map.of(
            "Bundle-ManifestVersion",
            "2",
            "Bundle-SymbolicName",
            "io.plexica.test." + id,
            "Bundle-Version",
            version),
        Map.of(
            PluginManifest.LOCATION,
            String.format(
                "{\"id\":\"%s\",\"version\":\"%s\",\"name\":\"%s\",\"vendor\":\"%s\","
                    + "\"category\":\"%s\",\"tags\":[%s],\"description\":\"%s\","
                    + "\"sdk\":\"[1.0,2)\"%s}",
                id, version, name, vendorName, category, tagList, description, more)));
  }
}
