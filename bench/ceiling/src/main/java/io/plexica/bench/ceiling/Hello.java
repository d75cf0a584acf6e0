package io.plexica.bench.ceiling;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * The least a JAX-RS request can cost on this runtime: no security, no data, a fixed answer ({@code
 * /hello}); and the least one with a network round trip can, to tell the runtime's floor from the
 * platform's own cost: one Redis read ({@code /hello/redis}) or one PostgreSQL row by key ({@code
 * /hello/db}), on connections kept open, nothing else. Where they are comes from system properties
 * (bench/request-cost passes the platform's).
 */
@ApplicationPath("/")
public class Hello extends Application {

  @Path("hello")
  public static class Resource {
    private static final JedisPooled REDIS = redis();

    /** One connection per request thread, opened once: no pool in the way, only the round trip. */
    private static final ThreadLocal<Connection> DB = ThreadLocal.withInitial(Resource::connect);

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
      return "hello";
    }

    @GET
    @Path("redis")
    @Produces(MediaType.TEXT_PLAIN)
    public String redisRead() {
      String value = REDIS.get("plexica:bench:ceiling");
      return value == null ? "hello" : value;
    }

    @GET
    @Path("db")
    @Produces(MediaType.TEXT_PLAIN)
    public String databaseRead() throws SQLException {
      try (PreparedStatement statement =
          DB.get().prepareStatement("SELECT datname FROM pg_database WHERE oid = ?")) {
        statement.setInt(1, 1);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? row.getString(1) : "hello";
        }
      }
    }

    private static JedisPooled redis() {
      String host = System.getProperty("ceiling.redis.host", "127.0.0.1");
      int port = Integer.getInteger("ceiling.redis.port", 6379);
      ConnectionPoolConfig pool = new ConnectionPoolConfig();
      pool.setMaxTotal(32);
      pool.setMaxIdle(32);
      return new JedisPooled(
          pool,
          new HostAndPort(host, port),
          DefaultJedisClientConfig.builder()
              .user(System.getProperty("ceiling.redis.user"))
              .password(System.getProperty("ceiling.redis.password"))
              .build());
    }

    private static Connection connect() {
      try {
        return DriverManager.getConnection(
            System.getProperty("ceiling.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
            System.getProperty("ceiling.db.user", "postgres"),
            System.getProperty("ceiling.db.password", ""));
      } catch (SQLException e) {
        throw new IllegalStateException("The ceiling cannot reach PostgreSQL", e);
      }
    }
  }
}
