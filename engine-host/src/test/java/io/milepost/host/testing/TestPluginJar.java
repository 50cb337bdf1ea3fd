package io.milepost.host.testing;

import io.milepost.plugin.api.StepHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.pf4j.ExtensionPoint;

/**
 * Builds a real PF4J plugin jar in a test: step handlers written as Java source, compiled with javac
 * against plugin-api and PF4J, packed with the MANIFEST's Plugin-* entries and META-INF/extensions.idx,
 * just as the Maven build of a plugin does.
 *
 * <p>The handler classes' names depend on the plugin id only, so two versions of one plugin define the
 * very same class names, as they would in real life.
 */
public final class TestPluginJar {

  private final String pluginId;
  private final String version;
  private final List<Map.Entry<String, String>> handlerBodies = new ArrayList<>();
  private String requires = ">=0.1.0";
  private boolean bundlePluginApi;
  private List<String> buildingTypes = List.of();

  private TestPluginJar(String pluginId, String version) {
    this.pluginId = pluginId;
    this.version = version;
  }

  public static TestPluginJar plugin(String pluginId, String version) {
    return new TestPluginJar(pluginId, version);
  }

  /**
   * Adds a handler for {@code jobType} whose {@code handle(StepContext context)} body is {@code body};
   * the source imports {@code io.milepost.plugin.api.*}, {@code java.util.*} and {@code java.time.*}.
   */
  public TestPluginJar handler(String jobType, String body) {
    handlerBodies.add(Map.entry(jobType, body));
    return this;
  }

  /** Makes every handler serve only these building types (names of {@code BuildingType}). */
  public TestPluginJar servingOnly(String... buildingTypeNames) {
    this.buildingTypes = List.of(buildingTypeNames);
    return this;
  }

  public TestPluginJar requires(String versionRange) {
    this.requires = versionRange;
    return this;
  }

  /** Also packs copies of the plugin-api classes, as a plugin built with the wrong scope would. */
  public TestPluginJar bundlingPluginApi() {
    this.bundlePluginApi = true;
    return this;
  }

  public String pluginId() {
    return pluginId;
  }

  public String version() {
    return version;
  }

  public String packageName() {
    return "test.plugins." + pluginId.replaceAll("[^A-Za-z0-9]", "_");
  }

  /** Compiles and packs the plugin into {@code directory}/{@code <id>-<version>.jar}. */
  public Path writeTo(Path directory) {
    try {
      Files.createDirectories(directory);
      Path work = Files.createTempDirectory("plugin-build-");
      Path sources = Files.createDirectories(work.resolve("src"));
      Path classes = Files.createDirectories(work.resolve("classes"));
      List<String> classNames = new ArrayList<>();
      List<String> sourceFiles = new ArrayList<>();
      int index = 0;
      for (Map.Entry<String, String> handler : handlerBodies) {
        String simpleName = "Handler" + index++;
        Path source = sources.resolve(simpleName + ".java");
        Files.writeString(source, source(simpleName, handler.getKey(), handler.getValue()));
        sourceFiles.add(source.toString());
        classNames.add(packageName() + "." + simpleName);
      }
      if (!sourceFiles.isEmpty()) {
        compile(sourceFiles, classes);
      }
      Path jar = directory.resolve(pluginId + "-" + version + ".jar");
      pack(jar, classes, classNames);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String source(String simpleName, String jobType, String body) {
    return """
        package %s;

        import io.milepost.plugin.api.*;
        import java.time.*;
        import java.util.*;

        @org.pf4j.Extension
        public final class %s implements StepHandler {
          @Override
          public String jobType() {
            return "%s";
          }

          %s
          @Override
          public StepResult handle(StepContext context) throws Exception {
            %s
          }
        }
        """.formatted(packageName(), simpleName, jobType, buildingTypesMethod(), body);
  }

  private String buildingTypesMethod() {
    if (buildingTypes.isEmpty()) {
      return "";
    }
    return "@Override public Set<BuildingType> buildingTypes() { return EnumSet.of("
        + String.join(", ", buildingTypes.stream().map(name -> "BuildingType." + name).toList()) + "); }";
  }

  private static void compile(List<String> sourceFiles, Path classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath = location(StepHandler.class) + java.io.File.pathSeparator + location(ExtensionPoint.class);
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath,
        "-proc:none", "--release", "21"));
    arguments.addAll(sourceFiles);
    StringWriter errors = new StringWriter();
    int status = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        errors.write(b);
      }
    }), arguments.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("Expected the test plugin to compile, but javac said:\n" + errors);
    }
  }

  private void pack(Path jar, Path classes, List<String> extensionClassNames) throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.putValue("Plugin-Id", pluginId);
    attributes.putValue("Plugin-Version", version);
    attributes.putValue("Plugin-Provider", "Milepost tests");
    attributes.putValue("Plugin-Requires", requires);
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream target = new JarOutputStream(out, manifest)) {
      addTree(target, classes);
      if (bundlePluginApi) {
        addTree(target, location(StepHandler.class), "io/milepost/plugin/api/");
      }
      target.putNextEntry(new JarEntry("META-INF/extensions.idx"));
      target.write(String.join("\n", extensionClassNames).concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      target.closeEntry();
    }
  }

  private static void addTree(JarOutputStream target, Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        target.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, target);
        target.closeEntry();
      }
    }
  }

  /** Copies the entries under {@code prefix} of a class directory or jar. */
  private static void addTree(JarOutputStream target, Path location, String prefix) throws IOException {
    if (Files.isDirectory(location)) {
      Path root = location.resolve(prefix);
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          target.putNextEntry(new JarEntry(prefix + root.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, target);
          target.closeEntry();
        }
      }
      return;
    }
    try (JarFile source = new JarFile(location.toFile())) {
      for (JarEntry entry : source.stream().filter(e -> e.getName().startsWith(prefix) && !e.isDirectory()).toList()) {
        target.putNextEntry(new JarEntry(entry.getName()));
        source.getInputStream(entry).transferTo(target);
        target.closeEntry();
      }
    }
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
