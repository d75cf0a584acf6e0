package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Rate limits as a client meets them: over its limit it gets 429 {@code rate-limited} with {@code
 * Retry-After}, and others go on. The test plays the proxy in front (the test profile trusts
 * X-Forwarded-For from 127.0.0.1), to be clients of their own; its sign-in limit is 50 a second,
 * bursts of 100 (bin/plexica, test profile).
 */
class RateLimitIT {

  private static String someClient() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  @Test
  void aClientOverItsSignInLimitIsToldWhenToComeBackAndOthersAreNotHeldUp() throws Exception {
    String client = someClient();
    // 400 calls from 8 threads: even at 4 s for all, at most 100 + 4 × 50 = 300 may pass.
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Response>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 400; i++) {
        calls.add(
            pool.submit(
                () -> Platform.anonymous().header("X-Forwarded-For", client).get("/web-config")));
      }
    } finally {
      pool.shutdown();
    }
    List<Response> answers = new ArrayList<>();
    for (Future<Response> call : calls) {
      answers.add(call.get());
    }
    List<Response> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(refused).as("some of 400 calls in a burst of 100").isNotEmpty();
    assertThat(answers.stream().filter(r -> r.statusCode() == 200).count()).isBetween(100L, 300L);
    assertThat(refused.size() + answers.stream().filter(r -> r.statusCode() == 200).count())
        .as("nothing but 200 and 429")
        .isEqualTo(400);
    Response first = refused.get(0);
    Platform.assertProblem(first, 429, "rate-limited");
    assertThat(first.<String>path("detail")).contains("sign-in limit of 50 requests a second");
    assertThat(Long.parseLong(first.header("Retry-After"))).isBetween(1L, 5L);

    assertThat(
            Platform.anonymous()
                .header("X-Forwarded-For", someClient())
                .get("/web-config")
                .statusCode())
        .isEqualTo(200);
  }
}
