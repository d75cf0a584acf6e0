package io.plexica.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void markupInANameStaysText() {
    assertThat(HtmlText.escape("<img src=x onerror=\"alert('1')\"> & Co"))
        .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; Co");
  }

  @Test
  void plainNamesAreUnchanged() {
    assertThat(HtmlText.escape("Société Générale")).isEqualTo("Société Générale");
  }
}
