package io.milepost.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The BPMN of each workload in both dialects: Camunda 8 ({@code zeebe:taskDefinition}) for Milepost,
 * BPMN 2.0 with {@code flowable:type="external-worker"} for Flowable. Workload (b) is a pinned copy of
 * {@code bpmn/order-fulfillment.bpmn} as it was before it called decisions and last-mile-delivery (stop 17):
 * the hand-written Flowable equivalent mirrors that shape, and figures stay comparable across runs.
 */
public final class Models {

  private static final String ZEEBE_NS = "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
      + "xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" targetNamespace=\"http://milepost.io/bench\"";
  private static final String FLOWABLE_NS = "xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
      + "xmlns:flowable=\"http://flowable.org/bpmn\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      + "targetNamespace=\"http://milepost.io/bench\"";

  public String camunda(Workload workload) {
    return switch (workload) {
      case SEQUENCE -> zeebeSequence();
      case ORDER -> resource("/milepost/order-fulfillment.bpmn");
      case PARALLEL -> zeebeParallel();
    };
  }

  public String flowable(Workload workload) {
    return switch (workload) {
      case SEQUENCE -> flowableSequence();
      case ORDER -> resource("/flowable/order-fulfillment.bpmn20.xml");
      case PARALLEL -> flowableParallel();
    };
  }

  private static String zeebeSequence() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions ")
        .append(ZEEBE_NS).append(" id=\"d_sequence3\">\n<bpmn:process id=\"sequence3\" isExecutable=\"true\">\n")
        .append("<bpmn:startEvent id=\"start\"/>\n");
    String previous = "start";
    for (int i = 1; i <= 3; i++) {
      xml.append("<bpmn:serviceTask id=\"task").append(i).append("\"><bpmn:extensionElements>")
          .append("<zeebe:taskDefinition type=\"bench.step").append(i).append("\"/></bpmn:extensionElements>")
          .append("</bpmn:serviceTask>\n");
      xml.append(flow("bpmn:", previous, "task" + i));
      previous = "task" + i;
    }
    xml.append("<bpmn:endEvent id=\"end\"/>\n").append(flow("bpmn:", previous, "end"));
    return xml.append("</bpmn:process>\n</bpmn:definitions>\n").toString();
  }

  private static String zeebeParallel() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions ")
        .append(ZEEBE_NS).append(" id=\"d_parallel10\">\n<bpmn:process id=\"parallel10\" isExecutable=\"true\">\n")
        .append("<bpmn:startEvent id=\"start\"/>\n<bpmn:parallelGateway id=\"fork\"/>\n")
        .append("<bpmn:parallelGateway id=\"join\"/>\n<bpmn:endEvent id=\"end\"/>\n")
        .append(flow("bpmn:", "start", "fork")).append(flow("bpmn:", "join", "end"));
    for (int i = 1; i <= 10; i++) {
      xml.append("<bpmn:serviceTask id=\"branch").append(i).append("\"><bpmn:extensionElements>")
          .append("<zeebe:taskDefinition type=\"bench.branch\"/></bpmn:extensionElements></bpmn:serviceTask>\n")
          .append(flow("bpmn:", "fork", "branch" + i)).append(flow("bpmn:", "branch" + i, "join"));
    }
    return xml.append("</bpmn:process>\n</bpmn:definitions>\n").toString();
  }

  private static String flowableSequence() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<definitions ")
        .append(FLOWABLE_NS).append(">\n<process id=\"sequence3\" isExecutable=\"true\">\n<startEvent id=\"start\"/>\n");
    String previous = "start";
    for (int i = 1; i <= 3; i++) {
      xml.append(externalTask("task" + i, "bench.step" + i)).append(flow("", previous, "task" + i));
      previous = "task" + i;
    }
    xml.append("<endEvent id=\"end\"/>\n").append(flow("", previous, "end"));
    return xml.append("</process>\n</definitions>\n").toString();
  }

  private static String flowableParallel() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<definitions ")
        .append(FLOWABLE_NS).append(">\n<process id=\"parallel10\" isExecutable=\"true\">\n")
        .append("<startEvent id=\"start\"/>\n<parallelGateway id=\"fork\"/>\n<parallelGateway id=\"join\"/>\n")
        .append("<endEvent id=\"end\"/>\n").append(flow("", "start", "fork")).append(flow("", "join", "end"));
    for (int i = 1; i <= 10; i++) {
      // exclusive (the default) stalls: Flowable locks the whole instance for an exclusive external-worker job, so an
      // acquisition that meets two jobs of one instance fails on that lock and returns none (Flowable issue 3509);
      // an async exclusive join instead was slower (benchmarks/NOTES.md, "Flowable as its experts would set it up")
      xml.append(externalTask("branch" + i, "bench.branch").replace("/>", " flowable:exclusive=\"false\"/>"))
          .append(flow("", "fork", "branch" + i)).append(flow("", "branch" + i, "join"));
    }
    return xml.append("</process>\n</definitions>\n").toString();
  }

  private static String externalTask(String id, String topic) {
    return "<serviceTask id=\"" + id + "\" flowable:type=\"external-worker\" flowable:topic=\"" + topic + "\"/>\n";
  }

  private static String flow(String prefix, String from, String to) {
    return "<" + prefix + "sequenceFlow id=\"f_" + from + "_" + to + "\" sourceRef=\"" + from + "\" targetRef=\"" + to
        + "\"/>\n";
  }

  private static String resource(String name) {
    try (InputStream in = Models.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Expected resource " + name + " on the class path, but it is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
