package com.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.sdk.testkit.TestCalls;
import org.junit.jupiter.api.Test;

class GreetingTest {
  @Test
  void greetsTheTenantWithItsConfiguredGreeting() {
    TestCalls calls = TestCalls.inTenant("acme").withConfig("{\"greeting\":\"Bonjour\"}");
    assertThat(new Greeting().handle(calls.get("/greeting")).body().orElseThrow().asJsonObject()
            .getString("message"))
        .isEqualTo("Bonjour, Acme!");
  }
}
