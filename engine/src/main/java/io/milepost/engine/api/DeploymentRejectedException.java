package io.milepost.engine.api;

import java.util.List;
import java.util.stream.Collectors;

/** A deployment was refused; {@link #problems()} lists every problem found, each with its resource and element. */
public final class DeploymentRejectedException extends RejectionException {

  private final List<ModelProblem> problems;

  public DeploymentRejectedException(List<ModelProblem> problems) {
    super(RejectionType.INVALID_ARGUMENT, describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<ModelProblem> problems() {
    return problems;
  }

  private static String describe(List<ModelProblem> problems) {
    return "Expected to deploy valid resources, but found " + problems.size() + " problem(s):\n"
        + problems.stream().map(ModelProblem::toString).collect(Collectors.joining("\n"));
  }
}
