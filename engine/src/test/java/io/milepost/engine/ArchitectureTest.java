package io.milepost.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine knows nothing of Spring, plugins, sites or the host (DESIGN.md, one direction of dependency). */
class ArchitectureTest {

  private final JavaClasses engine = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.milepost.engine");

  @Test
  void shouldNotDependOnSpringPluginsOrTheHost() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "io.milepost.host..", "io.milepost.plugin..", "org.pf4j..", "io.camunda.client..")
        .check(engine);
  }

  @Test
  void shouldKeepTheApiFreeOfEngineInternals() {
    noClasses().that().resideInAPackage("io.milepost.engine.api..")
        .should().dependOnClassesThat().resideInAnyPackage("io.milepost.engine.state..", "io.milepost.engine.processing..",
            "io.milepost.engine.model..")
        .check(engine);
  }
}
