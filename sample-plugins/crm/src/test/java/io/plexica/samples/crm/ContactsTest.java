package io.plexica.samples.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.sdk.PluginProblem;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.sdk.testkit.RecordingData;
import io.plexica.sdk.testkit.TestCalls;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The crm routes with the SDK's test kit: answers, problems, and the statements they send. */
class ContactsTest {
  private final RecordingData data = new RecordingData();
  private final TestCalls acme =
      TestCalls.inTenant("acme").withPermissions(Contacts.READ, Contacts.WRITE);

  @Test
  void aContactIsAddedWithItsCompany() throws Exception {
    UUID company = UUID.randomUUID();
    data.willReturn(Map.of("id", company.toString()));
    Contacts.AddContact route = new Contacts.AddContact();
    route.data = data;

    RouteResponse response =
        route.handle(acme.post("/contacts", "{\"name\":\"Ada\",\"company\":\"Acme Co\"}"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.location()).get().asString().startsWith("/contacts/");
    assertThat(data.statements()).hasSize(2);
    assertThat(data.statements().get(1).sql()).startsWith("INSERT INTO ${contacts}");
    assertThat(data.statements().get(1).parameters()).contains("Ada", company);
  }

  @Test
  void badInputAndUnknownThingsBecomeTheirOwnProblems() {
    Contacts.AddContact add = new Contacts.AddContact();
    add.data = data;
    assertThatThrownBy(() -> add.handle(acme.post("/contacts", "{\"name\":\"\"}")))
        .isInstanceOfSatisfying(
            PluginProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.type()).isEqualTo("invalid-name");
            });
    assertThatThrownBy(
            () -> add.handle(acme.post("/contacts", "{\"name\":\"A\",\"company\":\"Nope\"}")))
        .isInstanceOfSatisfying(
            PluginProblem.class, p -> assertThat(p.type()).isEqualTo("company-not-found"));

    Contacts.GetContact get = new Contacts.GetContact();
    get.data = data;
    assertThatThrownBy(() -> get.handle(acme.get("/contacts/{id}", Map.of("id", "not-a-uuid"))))
        .isInstanceOfSatisfying(PluginProblem.class, p -> assertThat(p.status()).isEqualTo(404));

    Contacts.AddCompany company = new Contacts.AddCompany();
    company.data = data.willReturn(Map.of("id", "x"));
    assertThatThrownBy(() -> company.handle(acme.post("/companies", "{\"name\":\"Acme Co\"}")))
        .isInstanceOfSatisfying(PluginProblem.class, p -> assertThat(p.status()).isEqualTo(409));
  }
}
