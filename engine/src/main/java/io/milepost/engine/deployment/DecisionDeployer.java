package io.milepost.engine.deployment;

import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.ModelProblem;
import io.milepost.engine.decision.DecisionRepository;
import io.milepost.engine.decision.ParsedDrg;
import io.milepost.engine.state.Decisions;
import io.milepost.engine.state.KeySource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and deploys DMN resources: each is a decision requirements graph, versioned by its id, and every
 * decision in it a decision definition, versioned by the decision id. A resource identical to the latest
 * version of its graph creates no new versions. A decision id may appear once per deployment and always in the
 * same graph, as in Camunda 8.
 */
final class DecisionDeployer {

  private final DecisionRepository repository;

  DecisionDeployer(DecisionRepository repository) {
    this.repository = repository;
  }

  /** The parsed graph, or empty after adding its problems. */
  Optional<ParsedDrg> check(String name, byte[] content, Decisions decisions, List<ModelProblem> problems) {
    ParsedDrg drg = repository.engine().parse(name, content, problems);
    if (drg == null) {
      return Optional.empty();
    }
    int before = problems.size();
    for (ParsedDrg.DeclaredDecision decision : drg.decisions()) {
      decisions.latestDecision(decision.id(), DeploymentCommands.DEFAULT_TENANT)
          .filter(deployed -> !deployed.decisionRequirementsId().equals(drg.id()))
          .ifPresent(deployed -> problems.add(new ModelProblem(name, decision.id(), "Expected decision '"
              + decision.id() + "' to stay in decision requirements '" + deployed.decisionRequirementsId()
              + "' where its earlier versions are, but it is in '" + drg.id() + "'")));
    }
    return problems.size() == before ? Optional.of(drg) : Optional.empty();
  }

  /** Adds a problem for each decision id or graph id that more than one resource of the deployment declares. */
  static void requireUniqueIds(Map<String, ParsedDrg> byResource, List<ModelProblem> problems) {
    Map<String, String> decisionIds = new HashMap<>();
    Map<String, String> graphIds = new HashMap<>();
    byResource.forEach((resource, drg) -> {
      String otherGraph = graphIds.putIfAbsent(drg.id(), resource);
      if (otherGraph != null) {
        problems.add(new ModelProblem(resource, null, "Expected decision requirements ids to be unique within a "
            + "deployment, but '" + drg.id() + "' is also in '" + otherGraph + "'"));
      }
      for (ParsedDrg.DeclaredDecision decision : drg.decisions()) {
        String other = decisionIds.putIfAbsent(decision.id(), resource);
        if (other != null) {
          problems.add(new ModelProblem(resource, decision.id(), "Expected decision ids to be unique within a "
              + "deployment, but '" + decision.id() + "' is also in '" + other + "'"));
        }
      }
    });
  }

  void deploy(ParsedDrg drg, String resourceName, String checksum, String xml, long deploymentKey,
      Decisions decisions, KeySource keys, List<Deployment.DeployedDecision> deployedDecisions,
      List<Deployment.DeployedDecisionRequirements> deployedGraphs) {
    String tenant = DeploymentCommands.DEFAULT_TENANT;
    Optional<Decisions.StoredRequirements> latest = decisions.latestRequirements(drg.id(), tenant);
    if (latest.isPresent() && latest.get().checksum().equals(checksum)) {
      Decisions.StoredRequirements same = latest.get();
      deployedGraphs.add(new Deployment.DeployedDecisionRequirements(same.decisionRequirementsId(), same.name(),
          same.version(), same.key(), same.resourceName(), tenant));
      decisions.decisionsOf(same.key()).forEach(d -> deployedDecisions.add(deployed(d)));
      return;
    }
    long graphKey = keys.nextKey();
    int graphVersion = latest.map(g -> g.version() + 1).orElse(1);
    decisions.applyRequirements(new Decisions.StoredRequirements(graphKey, drg.id(), drg.name(), graphVersion,
        resourceName, checksum, deploymentKey, tenant), xml);
    repository.put(graphKey, drg.dmn());
    deployedGraphs.add(new Deployment.DeployedDecisionRequirements(drg.id(), drg.name(), graphVersion, graphKey,
        resourceName, tenant));
    for (ParsedDrg.DeclaredDecision declared : drg.decisions()) {
      int version = decisions.latestDecision(declared.id(), tenant).map(d -> d.version() + 1).orElse(1);
      Decisions.StoredDecision decision = new Decisions.StoredDecision(keys.nextKey(), declared.id(), declared.name(),
          version, declared.versionTag(), graphKey, drg.id(), deploymentKey, tenant);
      decisions.applyDecision(decision);
      deployedDecisions.add(deployed(decision));
    }
  }

  private static Deployment.DeployedDecision deployed(Decisions.StoredDecision decision) {
    return new Deployment.DeployedDecision(decision.decisionId(), decision.name(), decision.version(), decision.key(),
        decision.decisionRequirementsId(), decision.decisionRequirementsKey(), decision.tenantId());
  }
}
