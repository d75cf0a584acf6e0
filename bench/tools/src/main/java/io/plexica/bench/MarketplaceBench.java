package io.plexica.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The marketplace's search at scale: PLUGINS (default 10,000) listings written into {@code
 * plexica_core.plugin} by SQL — the table, generated search document and GIN index the platform
 * searches; deploying 10,000 bundles into Felix would measure Felix, not the search — then {@code
 * GET /api/v1/marketplace/plugins} over HTTP by a tenant administrator, one request at a time, for
 * ten kinds of query (eight as the web app asks). Prints p50/p95/p99 per kind and overall.
 *
 * <p>Arguments: base URL, Keycloak URL, JDBC URL, database user, password, plugins, requests per
 * kind.
 */
public final class MarketplaceBench {
  /** HTTP/1.1 like a browser's keep-alive connection and wrk; the search, not h2c, is measured. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final String[] DOMAIN = {
    "invoice",
    "billing",
    "crm",
    "contacts",
    "email",
    "calendar",
    "tasks",
    "projects",
    "reports",
    "analytics",
    "chat",
    "forms",
    "survey",
    "payments",
    "inventory",
    "shipping",
    "hr",
    "payroll",
    "recruiting",
    "helpdesk",
    "tickets",
    "wiki",
    "documents",
    "signature",
    "backup",
    "security",
    "audit",
    "marketing",
    "newsletter",
    "social",
    "seo",
    "ads",
    "sales",
    "quotes",
    "contracts",
    "timesheet",
    "expenses",
    "budget",
    "forecast",
    "dashboard",
    "kanban",
    "gantt",
    "notes",
    "files",
    "storage",
    "sync",
    "import",
    "export",
    "pdf",
    "spreadsheet",
    "translation",
    "maps"
  };
  private static final String[] CATEGORIES = {
    "finance", "sales", "marketing", "productivity", "communication", "hr", "support",
    "analytics", "security", "integration", "developer", "operations", "legal", "design",
    "education", "health", "logistics", "commerce", "content", "other"
  };

  private MarketplaceBench() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String keycloak = args[1];
    int plugins = Integer.parseInt(args[5]);
    int requests = Integer.parseInt(args[6]);

    String slug = "mkt-" + UUID.randomUUID().toString().substring(0, 6);
    RealmScaleBench.provisionActive(base, slug, "REALM");
    String admin = "Bearer " + WorkspaceBench.token(keycloak, slug, "admin@" + slug + ".example");

    long seedStart = System.nanoTime();
    try (Connection db = DriverManager.getConnection(args[2], args[3], args[4])) {
      seed(db, plugins);
      try (Statement analyze = db.createStatement()) {
        // What autovacuum does after this many inserts: statistics, and the visibility map that
        // lets counts read the narrow index alone.
        analyze.execute("VACUUM ANALYZE plexica_core.plugin");
      }
      System.out.printf(
          Locale.ROOT,
          "seeded %d listings in %.1f s (%d listed in all)%n",
          plugins,
          (System.nanoTime() - seedStart) / 1e9,
          listed(db));
    }

    // As the web app asks (12 a page, the category facet), then two broad searches with every
    // facet, as an integrator may ask.
    Map<String, String> kinds = new LinkedHashMap<>();
    String web = "size=12&facets=category";
    kinds.put("first view: no words, most installed first", web);
    kinds.put("one common word (q=email)", web + "&q=email");
    kinds.put("a prefix of three letters (q=inv)", web + "&q=inv");
    kinds.put("two words (q=invoice pdf)", web + "&q=invoice+pdf");
    kinds.put("a rare word (q=" + rareWord() + ")", web + "&q=" + rareWord());
    kinds.put("a word in a category and a tag", web + "&q=sales&category=sales&tag=crm");
    kinds.put("page 20 of a common word by name", web + "&q=email&sort=name&page=20");
    kinds.put("best rated first (sort=rating)", web + "&sort=rating");
    kinds.put("every facet: no words", "size=20");
    kinds.put("every facet: a prefix of three letters (q=inv)", "size=20&q=inv");

    String search = base + "/api/v1/marketplace/plugins?";
    for (String query : kinds.values()) {
      for (int i = 0; i < Math.max(50, requests / 10); i++) {
        get(search + query, admin);
      }
    }
    List<Long> asTheWebAppAsks = new ArrayList<>();
    for (Map.Entry<String, String> kind : kinds.entrySet()) {
      // A token lives 5 minutes: a fresh one for each kind.
      admin = "Bearer " + WorkspaceBench.token(keycloak, slug, "admin@" + slug + ".example");
      get(search + kind.getValue(), admin);
      long[] nanos = new long[requests];
      String body = "";
      for (int i = 0; i < requests; i++) {
        long start = System.nanoTime();
        body = get(search + kind.getValue(), admin);
        nanos[i] = System.nanoTime() - start;
        if (kind.getValue().startsWith(web)) {
          asTheWebAppAsks.add(nanos[i]);
        }
      }
      WorkspaceBench.report(kind.getKey() + " [total " + total(body) + "]", nanos);
    }
    WorkspaceBench.report(
        "every search as the web app asks",
        asTheWebAppAsks.stream().mapToLong(Long::longValue).toArray());
  }

  private static String get(String url, String authorization) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /**
   * Listings with names, tags and descriptions drawn from a domain vocabulary and made-up words.
   */
  private static void seed(Connection db, int count) throws SQLException {
    Random random = new Random(42);
    String run = UUID.randomUUID().toString().substring(0, 4);
    Instant now = Instant.now();
    db.setAutoCommit(false);
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO plexica_core.plugin (id, name, vendor, category, description, status,"
                + " current_version, created_at, updated_at, tags, install_count, rating_count,"
                + " rating_sum) VALUES (?, ?, ?, ?, ?, 'ACTIVE', '1.0.0', ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < count; i++) {
        String[] nameWords = {word(random), word(random)};
        List<String> tags = new ArrayList<>();
        for (int t = 0, n = 1 + random.nextInt(5); t < n; t++) {
          String tag = DOMAIN[random.nextInt(DOMAIN.length)];
          if (!tags.contains(tag)) {
            tags.add(tag);
          }
        }
        StringBuilder description = new StringBuilder();
        for (int w = 0, n = 20 + random.nextInt(40); w < n; w++) {
          description.append(w == 0 ? "" : " ").append(word(random));
        }
        Instant created = now.minus(random.nextInt(700), ChronoUnit.DAYS);
        insert.setString(1, "b" + run + "-" + i);
        insert.setString(2, capitalized(nameWords[0]) + " " + capitalized(nameWords[1]));
        insert.setString(3, "Vendor " + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 800));
        insert.setString(4, CATEGORIES[random.nextInt(CATEGORIES.length)]);
        insert.setString(5, description.append('.').toString());
        insert.setTimestamp(6, Timestamp.from(created));
        insert.setTimestamp(7, Timestamp.from(created.plus(random.nextInt(100), ChronoUnit.DAYS)));
        insert.setString(8, String.join(" ", tags));
        // Popularity is long-tailed: a few plugins in thousands of tenants, most in a handful.
        int installs = (int) Math.floor(Math.pow(random.nextDouble(), 6) * 5000);
        insert.setInt(9, installs);
        // About one tenant in ten rates what it installed, each plugin around a mean of its own.
        int ratings = installs / 10 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        insert.setInt(10, ratings);
        insert.setInt(11, (int) Math.round(ratings * (2 + 3 * random.nextDouble())));
        insert.addBatch();
        if (i % 1000 == 999 || i == count - 1) {
          insert.executeBatch();
          db.commit();
        }
      }
    } finally {
      db.setAutoCommit(true);
    }
  }

  /** One word in three from the domain vocabulary, the others from 20,000 made-up ones. */
  private static String word(Random random) {
    if (random.nextInt(3) == 0) {
      return DOMAIN[random.nextInt(DOMAIN.length)];
    }
    return madeUp(random.nextInt(20_000));
  }

  /** A pronounceable word, the same for the same number. */
  private static String madeUp(int n) {
    String consonants = "bcdfgklmnprstvz";
    String vowels = "aeiou";
    StringBuilder word = new StringBuilder();
    int rest = n;
    for (int syllable = 0; syllable < 4; syllable++) {
      word.append(consonants.charAt(rest % consonants.length()));
      rest /= consonants.length();
      word.append(vowels.charAt(rest % vowels.length()));
      rest /= vowels.length();
    }
    return word.toString();
  }

  private static String rareWord() {
    return madeUp(12_345);
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static long listed(Connection db) throws SQLException {
    try (Statement count = db.createStatement();
        ResultSet rows =
            count.executeQuery(
                "SELECT count(*) FROM plexica_core.plugin WHERE status = 'ACTIVE'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String total(String body) {
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(body);
    return total.find() ? total.group(1) : "?";
  }
}
