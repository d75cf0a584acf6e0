package io.plexica.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Drives async-profiler in a running JVM: {@code java
 * bench/tools/src/main/java/io/plexica/bench/Profile.java <profiler jar> <pid> <command>}, where
 * the jar is Maven Central's {@code tools.profiler:async-profiler:4.1:linux-x64} and the command is
 * the agent's ({@code start,event=cpu,interval=1ms}, {@code stop,file=flame.html}). The native
 * library is taken out of the jar next to it once.
 */
public class Profile {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: PROFILER_JAR PID COMMAND");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path library = jar.resolveSibling("libasyncProfiler.so");
    if (!Files.exists(library)) {
      try (JarFile archive = new JarFile(jar.toFile());
          InputStream in =
              archive.getInputStream(archive.getEntry("linux-x64/libasyncProfiler.so"))) {
        Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    VirtualMachine vm = VirtualMachine.attach(args[1]);
    try {
      vm.loadAgentPath(library.toAbsolutePath().toString(), args[2]);
    } finally {
      vm.detach();
    }
  }
}
