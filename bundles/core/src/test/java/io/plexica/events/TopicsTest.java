package io.plexica.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.events.Topics;
import io.plexica.shared.id.TimeOrderedIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The topic naming rules, enforced at publish, and the time-ordered event ids. */
class TopicsTest {

  @Test
  void coreTopicsPluginTopicsAndTheirDeadLettersAreAccepted() {
    for (String topic :
        List.of(
            "core.tenant.created",
            "core.member.role_changed",
            "core.plugin.upgraded",
            "plugin.crm.contact_added",
            "plugin.analytics.report_sent",
            "dlq.core.user.created",
            "dlq.plugin.crm.contact_added")) {
      assertThat(Topics.requireValid(topic)).isEqualTo(topic);
    }
    assertThat(Topics.ofPlugin("crm", "deal_won")).isEqualTo("plugin.crm.deal_won");
    assertThat(Topics.deadLetters("core.user.created")).isEqualTo("dlq.core.user.created");
  }

  @Test
  void wrongNamesAreRefusedWithTheRuleTheyBreak() {
    assertThatThrownBy(() -> Topics.requireValid("core.tenant.create"))
        .isInstanceOf(Topics.InvalidTopic.class)
        .hasMessageContaining("past-tense");
    assertThatThrownBy(() -> Topics.ofPlugin("crm", "add_contact"))
        .hasMessageContaining("past-tense");
    for (String topic :
        List.of(
            "tenant.created",
            "core.Tenant.created",
            "core.tenant",
            "plugins.crm.added",
            "core.tenant.created.again",
            "dlq.dlq.core.tenant.created",
            "")) {
      assertThatThrownBy(() -> Topics.requireValid(topic))
          .as(topic)
          .isInstanceOf(Topics.InvalidTopic.class)
          .hasMessageContaining("core.<domain>.<action>");
    }
  }

  @Test
  void eventIdsAreVersion7AndSortByCreation() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(TimeOrderedIds.next());
    }
    assertThat(ids).allMatch(id -> id.version() == 7 && id.variant() == 2);
    assertThat(ids).doesNotHaveDuplicates();
    List<UUID> sorted = new ArrayList<>(ids);
    sorted.sort(Comparator.comparing(UUID::toString));
    assertThat(sorted).containsExactlyElementsOf(ids);
  }
}
