package io.plexica.bench;

import static io.plexica.bench.PluginBench.send;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moving a tenant between database clusters under a person's writes (bench/tenant-move): a tenant
 * with the notes plugin and NOTES notes is moved to the other cluster and back while one writer
 * adds a note every 50 ms. One row per move: the tenant's rows, the move from request to DONE, how
 * long it was at COPY (writes wait then), and the writes made meanwhile with their slowest answer
 * and how many failed (a write still waiting when the source goes answers 503, to be retried).
 *
 * <pre>
 *   TenantMoveBench BASE_URL KEYCLOAK_URL NOTES_BUNDLE NOTES [OTHER_CLUSTER]
 * </pre>
 */
public class TenantMoveBench {
  private static final int FILLERS = 8;

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: BASE_URL KEYCLOAK_URL NOTES_BUNDLE NOTES [OTHER_CLUSTER]");
      System.exit(2);
    }
    String base = args[0];
    String keycloak = args[1];
    byte[] bundle = Files.readAllBytes(Path.of(args[2]));
    int notes = Integer.parseInt(args[3]);
    String other = args.length > 4 ? args[4] : "local-2";
    String run = UUID.randomUUID().toString().substring(0, 6);
    String admin = "Bearer " + RealmScaleBench.platformToken();

    String slug = "move-" + run;
    String tenantId = RealmScaleBench.provisionActive(base, slug, "REALM");
    // The run's own platform: the sample's bundle as it is (its permissions name its id).
    String pluginId = "notes";
    send("POST", base + "/api/v1/admin/plugins", admin, "application/java-archive", bundle, 201);
    String person = "Bearer " + PluginBench.token(keycloak, slug, "admin@" + slug + ".example");
    send(
        "POST",
        base + "/api/v1/plugin-installations",
        person,
        "application/json",
        json("{\"pluginId\":\"%s\"}", pluginId),
        201);
    String workspace =
        RealmScaleBench.field(
            send(
                "POST",
                base + "/api/v1/workspaces",
                person,
                "application/json",
                json("{\"slug\":\"moving\",\"name\":\"Moving\"}"),
                201),
            "id");
    Writer writer = new Writer(base + "/api/v1/plugins/" + pluginId + "/notes", person, workspace);
    fill(writer, notes);

    System.out.printf(
        Locale.ROOT,
        "| move | notes | rows moved | tables | request to DONE (ms) | at COPY (ms) | writes"
            + " meanwhile | slowest write (ms) | failed writes |%n|---|---|---|---|---|---|---|---|---|%n");
    for (String target : List.of(other, "main")) {
      writer.reset();
      ExecutorService writing = Executors.newSingleThreadExecutor();
      AtomicBoolean going = new AtomicBoolean(true);
      Future<?> writes =
          writing.submit(
              () -> {
                while (going.get()) {
                  writer.write();
                  sleep(50);
                }
                return null;
              });
      sleep(500);
      long started = System.nanoTime();
      send(
          "POST",
          base + "/api/v1/tenants/" + tenantId + "/database-moves",
          admin,
          "application/json",
          json("{\"databaseCluster\":\"%s\"}", target),
          202);
      long copyStarted = 0;
      long copyEnded = 0;
      String latest;
      while (true) {
        latest =
            RealmScaleBench.get(
                    base + "/api/v1/tenants/" + tenantId + "/database-moves",
                    RealmScaleBench.platformToken())
                .body();
        String step = RealmScaleBench.field(latest, "step");
        long now = System.nanoTime();
        if ("COPY".equals(step) && copyStarted == 0) {
          copyStarted = now;
        }
        if (!"COPY".equals(step) && copyStarted != 0 && copyEnded == 0) {
          copyEnded = now;
        }
        String state = RealmScaleBench.field(latest, "state");
        if (!"RUNNING".equals(state)) {
          if (!"DONE".equals(state)) {
            throw new IllegalStateException("the move ended " + state + ": " + latest);
          }
          if (copyEnded == 0) {
            copyEnded = now;
          }
          break;
        }
        sleep(20);
      }
      long total = (System.nanoTime() - started) / 1_000_000;
      sleep(1000);
      going.set(false);
      writes.get();
      writing.shutdown();
      System.out.printf(
          Locale.ROOT,
          "| to %s | %d | %s | %s | %d | %s | %d | %d | %d |%n",
          target,
          notes,
          number(latest, "rowsCopied"),
          number(latest, "tablesCopied"),
          total,
          copyStarted == 0 ? "< 20" : String.valueOf((copyEnded - copyStarted) / 1_000_000),
          writer.count(),
          writer.slowestMillis(),
          writer.failed());
    }
  }

  /** NOTES notes, written by FILLERS clients at once. */
  private static void fill(Writer writer, int notes) throws Exception {
    ExecutorService fillers = Executors.newFixedThreadPool(FILLERS);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < FILLERS; i++) {
      done.add(
          fillers.submit(
              () -> {
                while (next.getAndIncrement() < notes) {
                  writer.write();
                }
                return null;
              }));
    }
    for (Future<?> filler : done) {
      filler.get();
    }
    fillers.shutdown();
    if (writer.failed() > 0) {
      throw new IllegalStateException(writer.failed() + " notes could not be written");
    }
  }

  /** Posts notes and keeps what each answer took and whether it failed. */
  private static final class Writer {
    private final String url;
    private final String person;
    private final String workspace;
    private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failed = new AtomicInteger();

    Writer(String url, String person, String workspace) {
      this.url = url;
      this.person = person;
      this.workspace = workspace;
    }

    void write() {
      long started = System.nanoTime();
      try {
        int status =
            RealmScaleBench.HTTP
                .send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                        .header("Authorization", person)
                        .header("X-Workspace-ID", workspace)
                        .header("Content-Type", "application/json")
                        .POST(
                            java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"title\":\"A note of some length, as people write them\"}"))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 201) {
          failed.incrementAndGet();
        }
      } catch (Exception e) {
        failed.incrementAndGet();
      }
      millis.add((System.nanoTime() - started) / 1_000_000);
    }

    void reset() {
      millis.clear();
      failed.set(0);
    }

    int count() {
      return millis.size();
    }

    long slowestMillis() {
      synchronized (millis) {
        return millis.stream().mapToLong(Long::longValue).max().orElse(0);
      }
    }

    int failed() {
      return failed.get();
    }
  }

  private static String number(String json, String field) {
    java.util.regex.Matcher value =
        java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
    return value.find() ? value.group(1) : "?";
  }

  private static byte[] json(String template, Object... values) {
    return template.formatted(values).getBytes(StandardCharsets.UTF_8);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
