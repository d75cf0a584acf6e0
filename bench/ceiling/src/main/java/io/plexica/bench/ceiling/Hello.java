package io.plexica.bench.ceiling;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/** The least a JAX-RS request can cost on this runtime: no security, no data, a fixed answer. */
@ApplicationPath("/")
public class Hello extends Application {

  @Path("hello")
  public static class Resource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
      return "hello";
    }
  }
}
