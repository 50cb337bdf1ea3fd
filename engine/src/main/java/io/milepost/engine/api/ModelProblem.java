package io.milepost.engine.api;

/** One problem in a deployed resource, naming the element it is about (null for the whole file). */
public record ModelProblem(String resourceName, String elementId, String message) {

  @Override
  public String toString() {
    return "'" + resourceName + "'" + (elementId == null ? "" : ": element '" + elementId + "'") + ": " + message;
  }
}
