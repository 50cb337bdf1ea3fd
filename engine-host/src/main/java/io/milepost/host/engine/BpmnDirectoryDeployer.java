package io.milepost.host.engine;

import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.RejectionException;
import io.milepost.host.MilepostProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Deploys every .form, .dmn and .bpmn under {@code milepost.bpmn-dir} at start, before the API opens.
 * Deploying an unchanged file again is harmless: the engine answers with the version it already has.
 * Each file is deployed alone so that one broken model does not keep the others from running.
 */
@Component
final class BpmnDirectoryDeployer implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(BpmnDirectoryDeployer.class);

  private final Engine engine;
  private final Path bpmnDir;

  BpmnDirectoryDeployer(Engine engine, MilepostProperties properties) {
    this.engine = engine;
    this.bpmnDir = properties.bpmnDir();
  }

  @Override
  public void afterPropertiesSet() {
    if (!Files.isDirectory(bpmnDir)) {
      LOG.info("No models deployed at start: {} is not a directory", bpmnDir.toAbsolutePath());
      return;
    }
    // Forms and decisions first, so a process that links a form or calls a decision finds it.
    modelFiles(".form").forEach(this::deploy);
    modelFiles(".dmn").forEach(this::deploy);
    modelFiles(".bpmn").forEach(this::deploy);
  }

  private List<Path> modelFiles(String extension) {
    try (Stream<Path> files = Files.walk(bpmnDir)) {
      return files.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().endsWith(extension))
          .sorted(Comparator.naturalOrder())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to list the models in " + bpmnDir.toAbsolutePath() + ", but could not", e);
    }
  }

  /** An unchanged model comes back with the definition of an earlier deployment. */
  private boolean isNew(Deployment.DeployedProcess process, Deployment deployment) {
    return engine.queries().processDefinition(process.processDefinitionKey())
        .map(definition -> definition.deploymentKey() == deployment.key())
        .orElse(true);
  }

  private void deploy(Path file) {
    String name = bpmnDir.relativize(file).toString();
    try {
      Deployment deployment = engine.deploy(List.of(new DeploymentResource(name, Files.readAllBytes(file))));
      deployment.processes().forEach(process -> LOG.info("{} {}: process '{}' version {} (key {})",
          isNew(process, deployment) ? "Deployed" : "Already deployed", name, process.bpmnProcessId(),
          process.version(), process.processDefinitionKey()));
      deployment.forms().forEach(form -> LOG.info("Deployed {}: form '{}' version {} (key {})",
          name, form.formId(), form.version(), form.formKey()));
      deployment.decisions().forEach(decision -> LOG.info("Deployed {}: decision '{}' version {} (key {})",
          name, decision.decisionId(), decision.version(), decision.decisionKey()));
    } catch (RejectionException e) {
      LOG.error("Did not deploy {}: {}", file.toAbsolutePath(), e.getMessage());
    } catch (IOException e) {
      LOG.error("Did not deploy {}: could not read it: {}", file.toAbsolutePath(), e.getMessage());
    }
  }
}
