package io.plexica.shared.web;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} of every paged list, declared once ({@code @BeanParam}). They
 * arrive as text so that "abc" gets a problem naming the field, not JAX-RS's bare 404; the document
 * types them as the integers they must be.
 */
public class PageParameters {
  @QueryParam("page")
  @Parameter(
      description = "Zero-based page",
      schema =
          @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
  String page;

  @QueryParam("size")
  @Parameter(
      description = "Items per page",
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              format = "int32",
              minimum = "1",
              maximum = "100",
              defaultValue = "20"))
  String size;

  public String page() {
    return page;
  }

  public String size() {
    return size;
  }
}
