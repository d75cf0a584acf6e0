package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.sdk.PluginProblem;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.sdk.testkit.RecordingData;
import io.plexica.sdk.testkit.TestCalls;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The routes as the platform calls them, without the platform (the SDK's test kit). */
class ItemsTest {
  private final RecordingData data = new RecordingData();
  private final TestCalls acme =
      TestCalls.inTenant("acme")
          .withPermissions(Items.READ, Items.WRITE)
          .withConfig("{\"greeting\":\"Hi\"}");

  @Test
  void anItemIsAddedToThePluginsTableAndListedWithTheTenantsGreeting() {
    Items.AddItem add = new Items.AddItem();
    add.data = data;
    RouteResponse created = add.handle(acme.post("/items", "{\"title\":\"First\"}"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(data.statements().get(0).sql()).startsWith("INSERT INTO ${items}");

    Items.ListItems list = new Items.ListItems();
    list.data = data.willReturn(Map.of("id", "1", "title", "First"));
    var body = list.handle(acme.get("/items")).body().orElseThrow().asJsonObject();
    assertThat(body.getString("greeting")).isEqualTo("Hi");
    assertThat(body.getJsonArray("items").getJsonObject(0).getString("title")).isEqualTo("First");
  }

  @Test
  void anItemWithoutATitleIsRefused() {
    Items.AddItem add = new Items.AddItem();
    add.data = data;
    assertThatThrownBy(() -> add.handle(acme.post("/items", "{}")))
        .isInstanceOfSatisfying(
            PluginProblem.class, p -> assertThat(p.type()).isEqualTo("title-invalid"));
    assertThat(data.statements()).isEmpty();
  }
}
