package io.milepost.engine.deployment;

import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.DeploymentRejectedException;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.ModelProblem;
import io.milepost.engine.decision.DecisionRepository;
import io.milepost.engine.decision.ParsedDrg;
import io.milepost.engine.model.BpmnTransformer;
import io.milepost.engine.model.ExecutableProcess;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.ProcessRepository;
import io.milepost.engine.processing.StartEventSubscriptions;
import io.milepost.engine.state.Definitions;
import io.milepost.engine.state.EngineState;
import io.milepost.engine.state.KeySource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deploys BPMN models, forms and DMN decisions. Every resource is checked before anything is written: one bad
 * resource rejects the whole deployment with all problems listed. A resource identical to the
 * latest version of its process (or form) does not create a new version.
 */
public final class DeploymentCommands {

  public static final String DEFAULT_TENANT = "<default>";

  private final BpmnTransformer transformer;
  private final ProcessRepository processes;
  private final JsonMapper json;
  private final DecisionDeployer decisions;

  public DeploymentCommands(BpmnTransformer transformer, ProcessRepository processes, DecisionRepository decisions,
      JsonMapper json) {
    this.transformer = transformer;
    this.processes = processes;
    this.json = json;
    this.decisions = new DecisionDeployer(decisions);
  }

  /** @param unchanged the processes this very resource already is the latest version of; not parsed again */
  private record Checked(DeploymentResource resource, String checksum, List<ExecutableProcess> processes, String formId,
      List<Definitions.StoredProcess> unchanged, ParsedDrg decisions) {}

  public Deployment deploy(List<DeploymentResource> resources, BpmnBehaviors behaviors) {
    EngineState state = behaviors.context().state();
    KeySource keys = behaviors.context()::nextKey;
    if (resources == null || resources.isEmpty()) {
      throw new DeploymentRejectedException(List.of(new ModelProblem("(none)", null,
          "Expected at least one resource to deploy, but the deployment had none")));
    }
    List<ModelProblem> problems = new ArrayList<>();
    List<Checked> checked = new ArrayList<>();
    for (DeploymentResource resource : resources) {
      check(resource, state, problems).ifPresent(checked::add);
    }
    Map<String, ParsedDrg> graphs = new LinkedHashMap<>();
    checked.stream().filter(c -> c.decisions() != null).forEach(c -> graphs.put(c.resource().name(), c.decisions()));
    DecisionDeployer.requireUniqueIds(graphs, problems);
    if (!problems.isEmpty()) {
      throw new DeploymentRejectedException(problems);
    }
    long deploymentKey = keys.nextKey();
    Definitions definitions = state.definitions();
    definitions.applyDeployment(deploymentKey, DEFAULT_TENANT);
    List<Deployment.DeployedProcess> deployedProcesses = new ArrayList<>();
    List<Deployment.DeployedForm> deployedForms = new ArrayList<>();
    List<Deployment.DeployedDecision> deployedDecisions = new ArrayList<>();
    List<Deployment.DeployedDecisionRequirements> deployedGraphs = new ArrayList<>();
    for (Checked resource : checked) {
      for (Definitions.StoredProcess same : resource.unchanged()) {
        deployedProcesses.add(new Deployment.DeployedProcess(same.bpmnProcessId(), same.version(), same.key(),
            same.resourceName(), DEFAULT_TENANT));
      }
      String text = new String(resource.resource().content(), StandardCharsets.UTF_8);
      for (ExecutableProcess process : resource.processes()) {
        deployedProcesses.add(deployProcess(process, resource, text, deploymentKey, definitions, keys, behaviors));
      }
      if (resource.formId() != null) {
        deployedForms.add(deployForm(resource, text, deploymentKey, definitions, keys));
      }
      if (resource.decisions() != null) {
        decisions.deploy(resource.decisions(), resource.resource().name(), resource.checksum(), text, deploymentKey,
            state.decisions(), keys, deployedDecisions, deployedGraphs);
      }
    }
    return new Deployment(deploymentKey, DEFAULT_TENANT, deployedProcesses, deployedForms, deployedDecisions,
        deployedGraphs);
  }

  private Deployment.DeployedProcess deployProcess(ExecutableProcess process, Checked resource, String xml,
      long deploymentKey, Definitions definitions, KeySource keys, BpmnBehaviors behaviors) {
    String name = resource.resource().name();
    Optional<Definitions.StoredProcess> latest = definitions.latestProcess(process.bpmnProcessId(), DEFAULT_TENANT);
    if (latest.isPresent() && latest.get().checksum().equals(resource.checksum())) {
      Definitions.StoredProcess same = latest.get();
      return new Deployment.DeployedProcess(same.bpmnProcessId(), same.version(), same.key(), same.resourceName(), DEFAULT_TENANT);
    }
    int version = latest.map(p -> p.version() + 1).orElse(1);
    long key = keys.nextKey();
    definitions.applyProcess(new Definitions.StoredProcess(key, process.bpmnProcessId(), version, process.root().name(),
        name, resource.checksum(), deploymentKey, DEFAULT_TENANT), xml);
    processes.put(key, process);
    new StartEventSubscriptions(behaviors).replace(process, key, latest.map(Definitions.StoredProcess::key).orElse(null),
        DEFAULT_TENANT);
    return new Deployment.DeployedProcess(process.bpmnProcessId(), version, key, name, DEFAULT_TENANT);
  }

  private Deployment.DeployedForm deployForm(Checked resource, String schema, long deploymentKey, Definitions definitions,
      KeySource keys) {
    String name = resource.resource().name();
    Optional<Definitions.StoredForm> latest = definitions.latestForm(resource.formId(), DEFAULT_TENANT);
    if (latest.isPresent() && latest.get().checksum().equals(resource.checksum())) {
      Definitions.StoredForm same = latest.get();
      return new Deployment.DeployedForm(same.formId(), same.version(), same.key(), same.resourceName(), DEFAULT_TENANT);
    }
    int version = latest.map(f -> f.version() + 1).orElse(1);
    long key = keys.nextKey();
    definitions.applyForm(new Definitions.StoredForm(key, resource.formId(), version, name, resource.checksum(),
        deploymentKey, DEFAULT_TENANT), schema);
    return new Deployment.DeployedForm(resource.formId(), version, key, name, DEFAULT_TENANT);
  }

  private Optional<Checked> check(DeploymentResource resource, EngineState state, List<ModelProblem> problems) {
    Definitions definitions = state.definitions();
    String name = resource.name() == null ? "(unnamed)" : resource.name();
    String checksum = sha256(resource.content());
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".xml")) {
      // Redeploying what is deployed (engine-host deploys bpmn/ at every start) skips parsing and validation.
      List<Definitions.StoredProcess> unchanged = definitions.latestDeployedFrom(name, checksum, DEFAULT_TENANT);
      if (!unchanged.isEmpty()) {
        return Optional.of(new Checked(resource, checksum, List.of(), null, unchanged, null));
      }
      BpmnTransformer.Result result = transformer.transform(name, resource.content());
      problems.addAll(result.problems());
      return result.problems().isEmpty()
          ? Optional.of(new Checked(resource, checksum, result.processes(), null, List.of(), null)) : Optional.empty();
    }
    if (name.endsWith(".form")) {
      return formId(name, resource.content(), problems)
          .map(id -> new Checked(resource, checksum, List.of(), id, List.of(), null));
    }
    if (name.endsWith(".dmn")) {
      return decisions.check(name, resource.content(), state.decisions(), problems)
          .map(drg -> new Checked(resource, checksum, List.of(), null, List.of(), drg));
    }
    problems.add(new ModelProblem(name, null, "Expected a resource ending in .bpmn, .dmn or .form, but '" + name
        + "' is none of them"));
    return Optional.empty();
  }

  private Optional<String> formId(String name, byte[] content, List<ModelProblem> problems) {
    try {
      Object parsed = json.readValue(content, Object.class);
      if (parsed instanceof Map<?, ?> form && form.get("id") instanceof String id && !id.isBlank()) {
        return Optional.of(id);
      }
      problems.add(new ModelProblem(name, null, "Expected a Camunda form: a JSON object with a string 'id', but found none"));
    } catch (JacksonException e) {
      problems.add(new ModelProblem(name, null, "Expected a Camunda form in JSON, but it could not be read: " + e.getOriginalMessage()));
    }
    return Optional.empty();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
