package io.milepost.bench.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark runs: the process id, the job types its service tasks have, how many jobs one
 * instance goes through on its happy path, its start variables and what the no-op workers answer.
 */
public enum Workload {

  /** (a) three service tasks in a row. */
  SEQUENCE("sequence3", "three service tasks in a row", List.of("bench.step1", "bench.step2", "bench.step3"), 3),

  /** (b) bpmn/order-fulfillment.bpmn with no-op workers instead of the plugins (sortable path, no user task). */
  ORDER("order-fulfillment", "order-fulfillment model, no-op workers", List.of("fulfillment.allocate",
      "fulfillment.pick", "fulfillment.pack", "fulfillment.slam", "fulfillment.sort", "fulfillment.deliver"), 6),

  /** (c) a parallel fork of ten service tasks and a join. */
  PARALLEL("parallel10", "parallel fork of ten tasks and a join", List.of("bench.branch"), 10);

  private final String processId;
  private final String description;
  private final List<String> jobTypes;
  private final int jobsPerInstance;

  Workload(String processId, String description, List<String> jobTypes, int jobsPerInstance) {
    this.processId = processId;
    this.description = description;
    this.jobTypes = jobTypes;
    this.jobsPerInstance = jobsPerInstance;
  }

  public String processId() {
    return processId;
  }

  public String description() {
    return description;
  }

  public List<String> jobTypes() {
    return jobTypes;
  }

  public int jobsPerInstance() {
    return jobsPerInstance;
  }

  public String label() {
    return switch (this) {
      case SEQUENCE -> "(a) 3 tasks";
      case ORDER -> "(b) order-fulfillment";
      case PARALLEL -> "(c) fork 10 + join";
    };
  }

  /** The start variables of instance {@code n}, as JSON-like values. */
  public Map<String, Object> startVariables(int n) {
    if (this != ORDER) {
      return Map.of("n", n);
    }
    // the example order of plugins/README.md: allocated to fc-west-1, passes SLAM, no user task
    List<Map<String, Object>> items = List.of(
        item("BK-1001", 2, 0.4, 20, 13, 3, null),
        item("HD-2001", 1, 0.1, 15, 10, 2, null),
        item("MG-4001", 1, 0.35, 12, 9, 10, "fragile"));
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("orderId", "o-" + n);
    order.put("customerRegion", "west");
    order.put("destinationPostalCode", "94607");
    order.put("items", items);
    return Map.of("order", order);
  }

  /** What the no-op worker completes a job of {@code jobType} with: only what the gateways need. */
  public Map<String, Object> resultVariables(String jobType) {
    return switch (jobType) {
      case "fulfillment.allocate" -> Map.of("fulfillmentSiteId", "fc-west-1", "fulfillmentType", "SORTABLE",
          "bulky", false, "sortCenterSiteId", "sc-west-1", "deliveryStationSiteId", "ds-west-1");
      case "fulfillment.slam" -> Map.of("weightMismatch", false);
      default -> Map.of();
    };
  }

  private static Map<String, Object> item(String sku, int quantity, double weightKg, int l, int w, int h,
      String category) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("sku", sku);
    item.put("quantity", quantity);
    item.put("weightKg", weightKg);
    item.put("lengthCm", l);
    item.put("widthCm", w);
    item.put("heightCm", h);
    if (category != null) {
      item.put("category", category);
    }
    return item;
  }
}
