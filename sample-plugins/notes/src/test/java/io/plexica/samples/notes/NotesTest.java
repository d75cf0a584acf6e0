package io.plexica.samples.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.PluginProblem;
import io.plexica.sdk.files.PluginFiles;
import io.plexica.sdk.files.StoredFile;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.sdk.testkit.RecordingData;
import io.plexica.sdk.testkit.TestCalls;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The notes routes: scoped to the call's workspace, refused without one. */
class NotesTest {
  private final RecordingData data = new RecordingData();
  private final UUID workspace = UUID.randomUUID();
  private final TestCalls inWorkspace =
      TestCalls.inTenant("acme").withPermissions(Notes.READ, Notes.WRITE).inWorkspace(workspace);

  @Test
  void notesAreWrittenAndReadInTheCallsWorkspace() {
    Notes.AddNote add = new Notes.AddNote();
    add.data = data;
    RouteResponse created = add.handle(inWorkspace.post("/notes", "{\"title\":\"Plan\"}"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(data.statements().get(0).sql()).contains("${workspace}");

    Notes.ListNotes list = new Notes.ListNotes();
    list.data = data;
    RouteResponse listed = list.handle(inWorkspace.get("/notes"));
    assertThat(listed.body().orElseThrow().asJsonObject().getString("workspaceId"))
        .isEqualTo(workspace.toString());
    assertThat(data.statements().get(1).sql()).contains("workspace_id = ${workspace}");
  }

  @Test
  void withoutAWorkspaceTheRoutesRefuse() {
    Notes.ListNotes list = new Notes.ListNotes();
    list.data = data;
    TestCalls noWorkspace = TestCalls.inTenant("acme").withPermissions(Notes.READ);
    assertThatThrownBy(() -> list.handle(noWorkspace.get("/notes")))
        .isInstanceOfSatisfying(
            PluginProblem.class, p -> assertThat(p.type()).isEqualTo("workspace-required"));
  }

  @Test
  void attachmentsGoToTheWorkspacesFilesOfThePlugin() {
    UUID note = UUID.randomUUID();
    data.willReturn(Map.of("id", note.toString()));
    List<String> stored = new ArrayList<>();
    Notes.Attach attach = new Notes.Attach();
    attach.data = data;
    attach.files =
        new PluginFiles() {
          @Override
          public StoredFile put(
              CallContext context, String name, String contentType, byte[] content) {
            assertThat(context.workspaceId()).contains(workspace);
            stored.add(name);
            return new StoredFile(name, content.length, Instant.now());
          }

          @Override
          public Optional<byte[]> get(CallContext context, String name) {
            return Optional.empty();
          }

          @Override
          public List<StoredFile> list(CallContext context, String prefix) {
            return List.of();
          }

          @Override
          public void delete(CallContext context, String name) {}

          @Override
          public URI downloadUrl(CallContext context, String name) {
            return URI.create("http://storage.example/" + name);
          }
        };
    RouteResponse answer =
        attach.handle(
            inWorkspace.request(
                "PUT",
                "/notes/" + note + "/attachment",
                Map.of("id", note.toString()),
                "{\"text\":\"hello\"}"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(stored).containsExactly("notes/" + note + "/attachment.txt");
    assertThat(answer.body().orElseThrow().asJsonObject().getInt("size")).isEqualTo(5);
  }
}
