package io.plexica.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.webapp.app.SdkSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SdkSettingsTest {
  @Test
  void theSettingsNameThePlatformsRepositoryWhereTheArchetypePluginAndProjectsLook()
      throws Exception {
    Document settings = parse(SdkSettings.forPlatform("https://plexica.example.com/"));
    NodeList repositories = settings.getElementsByTagName("repository");
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < repositories.getLength(); i++) {
      Element repository = (Element) repositories.item(i);
      seen.add(text(repository, "id") + "=" + text(repository, "url"));
    }
    assertThat(seen)
        .containsExactly(
            "archetype=https://plexica.example.com/sdk/maven/",
            "plexica=https://plexica.example.com/sdk/maven/");
    assertThat(text(settings.getDocumentElement(), "activeProfile")).isEqualTo("plexica");
  }

  @Test
  void onlyAnHttpAddressIsWritten() {
    assertThatThrownBy(() -> SdkSettings.forPlatform("file:///etc"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SdkSettings.forPlatform("http://h:9080/a&b"))
        .contains("http://h:9080/a&amp;b/sdk/maven/");
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Element element, String tag) {
    return element.getElementsByTagName(tag).item(0).getTextContent();
  }
}
