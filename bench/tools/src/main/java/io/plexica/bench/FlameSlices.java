package io.plexica.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one request costs the server, by part of the stack, from async-profiler CPU flame graphs
 * (HTML, {@code event=cpu,interval=1ms}, so that a sample is a millisecond of CPU): {@code java
 * bench/tools/src/main/java/io/plexica/bench/FlameSlices.java SECONDS NAME=FLAME.html@REQ_PER_S
 * ...} prints a Markdown table of microseconds of CPU per request, a column per flame graph.
 *
 * <p>Each sample goes to the innermost frame of its stack that belongs to a known part (the kernel
 * work of a socket write goes to the HTTP channel that made it, a {@code String} built by platform
 * code to the platform); in brackets, what of it ran in the kernel.
 */
public class FlameSlices {
  /** Parts of the stack, in the order a frame is tried against them. */
  private static final Map<String, Pattern> PARTS = new LinkedHashMap<>();

  static {
    part("PostgreSQL driver", "org/postgresql/");
    part("Liberty data source and pool", "com/ibm/ws/rsadapter/|com/ibm/ejs/j2c/|com/ibm/ws/jca/");
    part("EclipseLink", "org/eclipse/persistence/");
    part("JSON (JSON-B, JSON-P)", "yasson|jsonb|jakarta/json/|parsson|org/glassfish/json/");
    part("Redis client", "redis/clients/");
    part("Felix (plugin services)", "org/apache/felix/|org/osgi/");
    part("MicroProfile Health", "microprofile/health|io/smallrye/health");
    part("platform code (io.plexica)", "io/plexica/");
    part("CDI (Weld)", "org/jboss/weld/");
    part("JAX-RS (RESTEasy)", "org/jboss/resteasy/");
    part("servlet container", "com/ibm/ws/webcontainer|com/ibm/wsspi/webcontainer");
    part(
        "HTTP channel and its sockets",
        "com/ibm/ws/http/|com/ibm/ws/tcpchannel/|com/ibm/ws/channelfw/|com/ibm/wsspi/channelfw/"
            + "|com/ibm/ws/genericbnf/");
    part("threads, queues and locks", "com/ibm/ws/threading/|java/util/concurrent/");
  }

  private static final String OTHER = "other (JVM, GC, JIT, the rest)";

  /** async-profiler's frame type of kernel frames (the low three bits of a frame's key). */
  private static final int KERNEL = 5;

  private static void part(String name, String pattern) {
    PARTS.put(name, Pattern.compile(pattern));
  }

  record Frame(int level, int width, String name, boolean kernel) {}

  record Column(String name, Map<String, double[]> parts, double total) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SECONDS NAME=FLAME.html@REQUESTS_PER_SECOND ...");
      System.exit(2);
    }
    double seconds = Double.parseDouble(args[0]);
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String name = args[i].substring(0, args[i].indexOf('='));
      String file = args[i].substring(args[i].indexOf('=') + 1, args[i].lastIndexOf('@'));
      double rate = Double.parseDouble(args[i].substring(args[i].lastIndexOf('@') + 1));
      columns.add(column(name, frames(Files.readString(Path.of(file))), rate * seconds));
    }
    StringBuilder table = new StringBuilder("| µs of CPU per request, (of it in the kernel) |");
    columns.forEach(c -> table.append(' ').append(c.name()).append(" |"));
    table.append("\n|---|");
    columns.forEach(c -> table.append("---|"));
    List<String> rows = new ArrayList<>(PARTS.keySet());
    rows.add(OTHER);
    for (String row : rows) {
      table.append("\n| ").append(row).append(" |");
      for (Column column : columns) {
        double[] spent = column.parts().getOrDefault(row, new double[2]);
        table.append(String.format(Locale.ROOT, " %.1f (%.1f) |", spent[0], spent[1]));
      }
    }
    table.append("\n| **total** |");
    columns.forEach(c -> table.append(String.format(Locale.ROOT, " **%.1f** |", c.total())));
    System.out.println(table);
  }

  /** Microseconds per request of each part, and of it in the kernel. */
  static Column column(String name, List<Frame> frames, double requests) {
    double perSample = 1000 / requests; // a sample is a millisecond
    int[] children = new int[frames.size()];
    Deque<Integer> stack = new ArrayDeque<>();
    for (int i = 0; i < frames.size(); i++) {
      while (!stack.isEmpty() && frames.get(stack.peek()).level() >= frames.get(i).level()) {
        stack.pop();
      }
      if (!stack.isEmpty()) {
        children[stack.peek()] += frames.get(i).width();
      }
      stack.push(i);
    }
    Map<String, double[]> parts = new LinkedHashMap<>();
    stack.clear();
    for (int i = 0; i < frames.size(); i++) {
      Frame frame = frames.get(i);
      while (!stack.isEmpty() && frames.get(stack.peek()).level() >= frame.level()) {
        stack.pop();
      }
      stack.push(i);
      int self = frame.width() - children[i];
      if (self > 0) {
        double[] spent = parts.computeIfAbsent(partOf(stack, frames), p -> new double[2]);
        spent[0] += self * perSample;
        spent[1] += frame.kernel() ? self * perSample : 0;
      }
    }
    return new Column(name, parts, frames.get(0).width() * perSample);
  }

  /** The part of the innermost frame of the stack (innermost first) that belongs to one. */
  private static String partOf(Deque<Integer> stack, List<Frame> frames) {
    for (int index : stack) {
      String frame = frames.get(index).name();
      for (Map.Entry<String, Pattern> part : PARTS.entrySet()) {
        if (part.getValue().matcher(frame).find()) {
          return part.getKey();
        }
      }
    }
    return OTHER;
  }

  /**
   * The frames of async-profiler's HTML, in its order: a constant pool of names, each sharing a
   * prefix with the one before, then one call per frame ({@code f(key,level,left,width)}, {@code
   * u(key,width)} a child of the frame before, {@code n(key,width)} its next sibling), a missing
   * width being the one before's.
   */
  static List<Frame> frames(String html) {
    int start = html.indexOf("const cpool = [");
    int end = html.indexOf("];", start);
    List<String> names = quoted(html.substring(start, end));
    for (int i = 1; i < names.size(); i++) {
      String packed = names.get(i);
      names.set(i, names.get(i - 1).substring(0, packed.charAt(0) - 32) + packed.substring(1));
    }
    List<Frame> frames = new ArrayList<>();
    int level = 0;
    int width = 0;
    for (String line : html.substring(end).split("\n")) {
      if (line.length() < 3 || line.charAt(1) != '(' || "fun".indexOf(line.charAt(0)) < 0) {
        continue;
      }
      String[] args = line.substring(2, line.indexOf(')')).split(",", -1);
      int key = Integer.parseInt(args[0]);
      int widthArg = line.charAt(0) == 'f' ? 3 : 1;
      if (line.charAt(0) == 'f') {
        level = Integer.parseInt(args[1]);
      } else if (line.charAt(0) == 'u') {
        level++;
      }
      if (args.length > widthArg && !args[widthArg].isEmpty()) {
        width = Integer.parseInt(args[widthArg]);
      }
      frames.add(new Frame(level, width, names.get(key >>> 3), (key & 7) == KERNEL));
    }
    return frames;
  }

  /** The single-quoted JavaScript strings of {@code text}, unescaped. */
  private static List<String> quoted(String text) {
    List<String> strings = new ArrayList<>();
    for (int i = text.indexOf('\''); i >= 0; i = text.indexOf('\'', i + 1)) {
      StringBuilder string = new StringBuilder();
      for (i++; text.charAt(i) != '\''; i++) {
        if (text.charAt(i) == '\\') {
          i++;
        }
        string.append(text.charAt(i));
      }
      strings.add(string.toString());
    }
    return strings;
  }
}
