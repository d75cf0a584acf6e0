package io.plexica.workspaces.api;

import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.PathIds;
import io.plexica.tenancy.context.TenantScoped;
import io.plexica.workspaces.app.FileService;
import io.plexica.workspaces.domain.FileName;
import io.plexica.workspaces.domain.WorkspaceFile;
import io.plexica.workspaces.domain.WorkspaceProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Files of a workspace, in the tenant's bucket. Uploads send the file's bytes as the body with
 * their Content-Type and the name in {@code ?name=}; downloads go straight to the storage through a
 * link that works for five minutes.
 */
@ApplicationScoped
@Path("/workspaces/{id}/files")
@Tag(name = "Workspace files")
@TenantScoped
@RequiresPermission("workspaces:read")
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {
  @Inject FileService files;
  @Inject WorkspaceRequests request;

  @Schema(name = "WorkspaceFile")
  public record FileView(
      UUID id,
      UUID workspaceId,
      String name,
      String contentType,
      long size,
      UUID uploadedBy,
      Instant uploadedAt,
      @Schema(
              nullable = true,
              description = "Only when fetching one file: a download link valid for 5 minutes")
          URI downloadUrl) {
    static FileView of(WorkspaceFile f, URI downloadUrl) {
      return new FileView(
          f.id(),
          f.workspaceId(),
          f.name(),
          f.contentType(),
          f.size(),
          f.uploadedBy(),
          f.uploadedAt(),
          downloadUrl);
    }
  }

  @GET
  @Operation(
      operationId = "listWorkspaceFiles",
      summary = "List the workspace's files (any member)")
  @APIResponse(responseCode = "200")
  public List<FileView> list(@PathParam("id") String id) {
    return files
        .list(request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id))
        .stream()
        .map(f -> FileView.of(f, null))
        .toList();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "uploadWorkspaceFile",
      summary = "Upload a file (MEMBER)",
      description =
          "The body is the file; its Content-Type must be an accepted type (documents, images,"
              + " text, archives) and its size within the limit (25 MiB unless configured).")
  @RequestBody(
      required = true,
      description =
          "The file's bytes, sent as they are (not multipart). Content-Type: the file's own type"
              + " (one of these unless the platform's administrators configured others), or"
              + " application/octet-stream with the type taken from the name's extension"
              + " (report.pdf, data.json). JSON documents are sent so, or as application/json,"
              + " which is left off this list because generated clients prefer a JSON type for"
              + " every body when one is listed. The first bytes must fit the type (415"
              + " file-content-mismatch otherwise).",
      content = {
        @Content(
            mediaType = "application/octet-stream",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/zip",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/msword",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/vnd.ms-excel",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/vnd.ms-powerpoint",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/vnd.oasis.opendocument.text",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "application/vnd.oasis.opendocument.spreadsheet",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "text/plain",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "text/markdown",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/gif",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/webp",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "201",
      description = "Stored",
      content = @Content(schema = @Schema(implementation = FileView.class)))
  @APIResponse(responseCode = "413", description = "Too large")
  @APIResponse(responseCode = "415", description = "Type not accepted")
  public Response upload(
      @PathParam("id") String id,
      @Parameter(description = "The file's name, as it is shown and downloaded", required = true)
          @QueryParam("name")
          String name,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
      InputStream body,
      @Context UriInfo uri) {
    String fileName = new FileName(name).value();
    WorkspaceFile file;
    if (contentLength != null && contentLength >= 0) {
      // Announced length: streamed to the storage as it arrives.
      file =
          files.upload(
              request.tenant(),
              request.caller(),
              WorkspaceRequests.workspaceId(id),
              fileName,
              contentType,
              body,
              contentLength);
    } else {
      // Chunked: read up to the limit first, since the storage needs the length up front.
      file =
          files.upload(
              request.tenant(),
              request.caller(),
              WorkspaceRequests.workspaceId(id),
              fileName,
              contentType,
              read(body, files.maxBytes()));
    }
    return Response.created(uri.getAbsolutePathBuilder().path(file.id().toString()).build())
        .entity(FileView.of(file, null))
        .build();
  }

  @GET
  @Path("{fileId}")
  @Operation(
      operationId = "getWorkspaceFile",
      summary = "Get a file's details with a download link (any member)")
  @APIResponse(responseCode = "200")
  public FileView get(@PathParam("id") String id, @PathParam("fileId") String fileId) {
    FileService.Download download =
        files.download(
            request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id), file(fileId));
    return FileView.of(download.file(), download.url());
  }

  @GET
  @Path("{fileId}/content")
  @Operation(
      operationId = "getWorkspaceFileContent",
      summary = "Download a file: 303 to a link that works for 5 minutes (any member)")
  @APIResponse(
      responseCode = "303",
      description =
          "A redirect to the file's bytes in the tenant's storage: follow Location (a presigned"
              + " link, valid for 5 minutes, that needs no token) to get them with their"
              + " Content-Type",
      headers =
          @Header(
              name = "Location",
              required = true,
              description = "The presigned download link",
              schema = @Schema(type = SchemaType.STRING, format = "uri")))
  public Response content(@PathParam("id") String id, @PathParam("fileId") String fileId) {
    FileService.Download download =
        files.download(
            request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id), file(fileId));
    return Response.seeOther(download.url()).build();
  }

  @DELETE
  @Path("{fileId}")
  @Operation(operationId = "deleteWorkspaceFile", summary = "Delete a file (MEMBER)")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") String id, @PathParam("fileId") String fileId) {
    files.delete(
        request.tenant(), request.caller(), WorkspaceRequests.workspaceId(id), file(fileId));
    return Response.noContent().build();
  }

  private static UUID file(String raw) {
    return PathIds.of(raw, WorkspaceProblems.FILE_NOT_FOUND, "file");
  }

  private byte[] read(InputStream body, long max) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = body) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > max) {
          throw files.tooLarge();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading an upload failed", e);
    }
    return out.toByteArray();
  }
}
