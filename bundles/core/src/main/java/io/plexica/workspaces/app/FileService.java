package io.plexica.workspaces.app;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.storage.app.TenantStorage;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.domain.TenantQuotas.Quota;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.FileSignature;
import io.plexica.workspaces.domain.FileTypes;
import io.plexica.workspaces.domain.WorkspaceFile;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.domain.WorkspaceStore;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Files of a workspace, kept in the tenant's bucket under the workspace's prefix. Members upload
 * and delete, every member lists and downloads through links that work for a few minutes. The
 * object is stored before its row and removed again when the row cannot be written, so a failed
 * upload leaves nothing behind.
 */
public class FileService {
  private static final Logger LOG = Logger.getLogger(FileService.class.getName());

  /**
   * What a workspace accepts, unless configured otherwise: documents, images, data, archives; the
   * types a file's name can imply, so that any of them also uploads as octet-stream.
   */
  public static final Set<String> DEFAULT_TYPES = FileTypes.known();

  private final WorkspaceStore store;
  private final QuotaGuard quotas;
  private final WorkspaceAccess access;
  private final TenantStorage storage;
  private final AuditTrail audit;
  private final Clock clock;
  private final long maxBytes;
  private final Set<String> allowedTypes;

  public FileService(
      WorkspaceStore store,
      WorkspaceAccess access,
      TenantStorage storage,
      Clock clock,
      long maxBytes,
      Set<String> allowedTypes,
      QuotaGuard quotas) {
    this.quotas = quotas;
    this.store = store;
    this.access = access;
    this.storage = storage;
    this.audit = new AuditTrail(clock);
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.allowedTypes = Set.copyOf(allowedTypes);
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** A file and a link that downloads it for a few minutes. */
  public record Download(WorkspaceFile file, URI url) {}

  public WorkspaceFile upload(
      TenantRef tenant,
      Caller caller,
      UUID workspaceId,
      String name,
      String contentType,
      byte[] content) {
    return upload(
        tenant,
        caller,
        workspaceId,
        name,
        contentType,
        new ByteArrayInputStream(content),
        content.length);
  }

  /** Streams an upload of a known length to the storage, never holding it whole in memory. */
  public WorkspaceFile upload(
      TenantRef tenant,
      Caller caller,
      UUID workspaceId,
      String name,
      String contentType,
      InputStream content,
      long length) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.MEMBER);
    String declared = mediaType(contentType);
    // Generated clients send binary bodies as octet-stream: the name's extension then says.
    String type =
        declared.equals(FileTypes.OCTET_STREAM)
            ? FileTypes.ofName(name).orElse(declared)
            : declared;
    if (!allowedTypes.contains(type)) {
      throw new ProblemException(
          WorkspaceProblems.FILE_TYPE_REFUSED,
          "Files of type "
              + type
              + " are not accepted here. Common documents, images, text and archives are,"
              + " unless the platform's administrators chose otherwise.",
          List.of(new FieldError("file", "type " + type + " is not accepted")));
    }
    if (length > maxBytes) {
      throw tooLarge();
    }
    InputStream body = content.markSupported() ? content : new BufferedInputStream(content);
    if (!FileSignature.fits(type, head(body))) {
      throw new ProblemException(
          WorkspaceProblems.FILE_CONTENT_MISMATCH,
          "The file's content is not "
              + type
              + ", as its Content-Type says: send it with the type it really has.",
          List.of(new FieldError("file", "content does not match type " + type)));
    }
    quotas.requireRoom(
        tenant,
        Quota.STORAGE_BYTES,
        () -> store.read(tenant, tx -> tx.files().storedBytes()),
        length);
    WorkspaceFile file =
        new WorkspaceFile(workspaceId, name, type, length, caller.userId(), clock.instant());
    storage.put(tenant.id(), file.objectKey(), type, body, length);
    try {
      store.inTransaction(
          tenant,
          tx -> {
            tx.workspace(workspaceId).orElseThrow(() -> WorkspaceAccess.notFound(workspaceId));
            tx.files().add(file);
            audit.record(
                tx,
                caller.actor(),
                "file.uploaded",
                workspaceId,
                "file",
                file.id(),
                null,
                state(file));
            return null;
          });
    } catch (RuntimeException e) {
      storage.delete(tenant.id(), file.objectKey());
      throw e;
    }
    return file;
  }

  /** The first bytes of a stream, which stays where it was. */
  private static byte[] head(InputStream body) {
    try {
      body.mark(FileSignature.HEAD);
      byte[] head = body.readNBytes(FileSignature.HEAD);
      body.reset();
      return head;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the upload", e);
    }
  }

  public List<WorkspaceFile> list(TenantRef tenant, Caller caller, UUID workspaceId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.VIEWER);
    return store.read(tenant, tx -> tx.files().list(workspaceId));
  }

  public Download download(TenantRef tenant, Caller caller, UUID workspaceId, UUID fileId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.VIEWER);
    WorkspaceFile file = store.read(tenant, tx -> file(tx, workspaceId, fileId));
    return new Download(file, storage.downloadUrl(tenant.id(), file.objectKey(), file.name()));
  }

  public void delete(TenantRef tenant, Caller caller, UUID workspaceId, UUID fileId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.MEMBER);
    WorkspaceFile deleted =
        store.inTransaction(
            tenant,
            tx -> {
              WorkspaceFile file = file(tx, workspaceId, fileId);
              tx.files().remove(file);
              audit.record(
                  tx,
                  caller.actor(),
                  "file.deleted",
                  workspaceId,
                  "file",
                  fileId,
                  state(file),
                  null);
              return file;
            });
    try {
      storage.delete(tenant.id(), deleted.objectKey());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not delete the object of deleted file " + fileId, e);
    }
  }

  public ProblemException tooLarge() {
    return new ProblemException(
        WorkspaceProblems.FILE_TOO_LARGE,
        "Files may be at most " + (maxBytes / (1024 * 1024)) + " MiB.");
  }

  private static WorkspaceFile file(WorkspaceStore.Tx tx, UUID workspaceId, UUID fileId) {
    return tx.files()
        .find(workspaceId, fileId)
        .orElseThrow(
            () ->
                new ProblemException(
                    WorkspaceProblems.FILE_NOT_FOUND,
                    "The workspace has no file with id " + fileId + "."));
  }

  /**
   * The media type without parameters, lower case: {@code text/plain; charset=utf-8} → {@code
   * text/plain}.
   */
  static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return FileTypes.OCTET_STREAM;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> state(WorkspaceFile file) {
    return Map.of("name", file.name(), "contentType", file.contentType(), "size", file.size());
  }
}
