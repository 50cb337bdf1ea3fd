package io.milepost.engine.decision;

import java.util.List;
import org.camunda.dmn.parser.ParsedDmn;

/**
 * A DMN resource parsed and checked: its decision requirements graph (the {@code definitions} id and name) and
 * the decisions in it, each with the version tag Camunda Modeler writes ({@code zeebe:versionTag}).
 */
public record ParsedDrg(String id, String name, List<DeclaredDecision> decisions, ParsedDmn dmn) {

  public record DeclaredDecision(String id, String name, String versionTag) {}
}
