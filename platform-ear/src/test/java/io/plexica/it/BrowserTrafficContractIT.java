package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plexica.it.contract.ContractCheck;
import io.plexica.it.contract.Exchange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser flows (frontend/e2e, run before the integration tests) wrote down every API exchange
 * the web apps made; each is judged against /openapi like the integration tests' own exchanges, so
 * what the apps rely on is what the document promises.
 */
class BrowserTrafficContractIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyExchangeOfTheBrowserFlowsIsDocumented() throws IOException {
    Path log = Path.of(System.getProperty("plexica.contract.browser-log", "target/contract/none"));
    assumeTrue(Files.isRegularFile(log), "the browser flows did not run (-De2e.skip=true)");
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    List<String> failures = new ArrayList<>();
    for (String line : lines) {
      Exchange exchange = JSON.readValue(line, Exchange.class);
      List<String> violations =
          ContractCheck.contract(URI.create(Platform.BASE_URL)).violations(exchange);
      if (!violations.isEmpty()) {
        failures.add(exchange + ": " + String.join("; ", violations));
      }
    }
    System.out.println(
        "API contract: "
            + lines.size()
            + " exchanges of the browser flows judged against /openapi");
    assertThat(lines).as("the browser flows call the API").isNotEmpty();
    if ("report".equals(System.getProperty("plexica.contract"))) {
      Files.write(log.resolveSibling("browser-violations.txt"), failures);
      return;
    }
    assertThat(failures).as("browser exchanges the document does not describe").isEmpty();
  }
}
