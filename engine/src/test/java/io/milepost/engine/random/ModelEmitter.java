package io.milepost.engine.random;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractActivityBuilder;
import io.camunda.zeebe.model.bpmn.builder.AbstractExclusiveGatewayBuilder;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.model.bpmn.builder.BoundaryEventBuilder;
import io.camunda.zeebe.model.bpmn.builder.MultiInstanceLoopCharacteristicsBuilder;
import io.camunda.zeebe.model.bpmn.builder.SubProcessBuilder;
import io.milepost.engine.random.Blocks.Block;
import io.milepost.engine.random.Blocks.Boundary;
import io.milepost.engine.random.Blocks.BoundaryKind;
import io.milepost.engine.random.Blocks.Branch;
import io.milepost.engine.random.Blocks.Choice;
import io.milepost.engine.random.Blocks.Fork;
import io.milepost.engine.random.Blocks.MaybeEnd;
import io.milepost.engine.random.Blocks.MultiInstance;
import io.milepost.engine.random.Blocks.Sequence;
import io.milepost.engine.random.Blocks.SubProcess;
import io.milepost.engine.random.Blocks.Task;
import io.milepost.engine.random.Blocks.TaskKind;
import io.milepost.engine.random.Blocks.TimerCatch;
import java.util.List;

/** Turns a block structure into an executable model with Zeebe's fluent builder. */
final class ModelEmitter {

  private final String processId;
  private final String jobType;

  ModelEmitter(String processId, String jobType) {
    this.processId = processId;
    this.jobType = jobType;
  }

  BpmnModelInstance emit(Block root) {
    AbstractFlowNodeBuilder<?, ?> start = Bpmn.createExecutableProcess(processId).startEvent("start");
    return emit(root, start).endEvent("end").done();
  }

  /** Emits a block after the builder's current node; returns a builder at the block's exit node. */
  private AbstractFlowNodeBuilder<?, ?> emit(Block block, AbstractFlowNodeBuilder<?, ?> builder) {
    return switch (block) {
      case Sequence sequence -> {
        AbstractFlowNodeBuilder<?, ?> current = builder;
        for (Block inner : sequence.blocks()) {
          current = emit(inner, current);
        }
        yield current;
      }
      case Task task -> task(task, builder);
      case SubProcess sub -> subProcess(sub, builder);
      case TimerCatch timer -> builder.intermediateCatchEvent(timer.id()).timerWithDuration("PT" + timer.minutes() + "M");
      case Choice choice -> choice(choice, builder);
      case Fork fork -> fork(fork, builder);
      case MaybeEnd maybe -> maybeEnd(maybe, builder);
    };
  }

  private AbstractFlowNodeBuilder<?, ?> task(Task task, AbstractFlowNodeBuilder<?, ?> builder) {
    if (task.kind() == TaskKind.USER) {
      builder.userTask(task.id(), t -> {
        t.zeebeUserTask();
        if (task.outputMapping()) {
          t.zeebeOutputExpression("x", "out_" + task.id());
        }
        if (task.multiInstance() != null) {
          t.multiInstance(m -> multiInstance(m, task.id(), task.multiInstance()));
        }
      });
    } else {
      builder.serviceTask(task.id(), t -> {
        t.zeebeJobType(jobType).zeebeJobRetries("2");
        if (task.outputMapping()) {
          t.zeebeOutputExpression("x", "out_" + task.id());
        }
        if (task.multiInstance() != null) {
          t.multiInstance(m -> multiInstance(m, task.id(), task.multiInstance()));
        }
      });
    }
    return boundaries(task.id(), task.boundaries(), task.mergeId(), builder.moveToNode(task.id()));
  }

  private AbstractFlowNodeBuilder<?, ?> subProcess(SubProcess sub, AbstractFlowNodeBuilder<?, ?> builder) {
    SubProcessBuilder subProcess = builder.subProcess(sub.id());
    if (sub.multiInstance() != null) {
      subProcess.multiInstance(m -> multiInstance(m, sub.id(), sub.multiInstance()));
    }
    AbstractFlowNodeBuilder<?, ?> inner = subProcess.embeddedSubProcess().startEvent(sub.id() + "_start");
    emit(sub.body(), inner).endEvent(sub.id() + "_end");
    return boundaries(sub.id(), sub.boundaries(), sub.mergeId(), builder.moveToNode(sub.id()));
  }

  private static void multiInstance(MultiInstanceLoopCharacteristicsBuilder m, String id, MultiInstance mi) {
    if (mi.sequential()) {
      m.sequential();
    } else {
      m.parallel();
    }
    String item = "it_" + id;
    m.zeebeInputCollectionExpression(Expectations.itemsExpression(mi.items())).zeebeInputElement(item)
        .zeebeOutputCollection("res_" + id).zeebeOutputElementExpression(item + " * 10");
    if (mi.stopAfterTwo()) {
      m.completionCondition("=numberOfCompletedInstances >= 2");
    }
  }

  private AbstractFlowNodeBuilder<?, ?> boundaries(String activityId, List<Boundary> boundaries, String mergeId,
      AbstractFlowNodeBuilder<?, ?> activity) {
    boolean merge = boundaries.stream().anyMatch(Boundary::interrupting);
    if (merge) {
      activity.exclusiveGateway(mergeId);
    }
    for (Boundary boundary : boundaries) {
      AbstractActivityBuilder<?, ?> host = activity.moveToActivity(activityId);
      BoundaryEventBuilder event = host.boundaryEvent(boundary.id()).cancelActivity(boundary.interrupting());
      if (boundary.kind() == BoundaryKind.ERROR) {
        if (boundary.errorCode() == null) {
          event.error();
        } else {
          event.error(boundary.errorCode());
        }
      } else {
        event.timerWithDuration("PT" + boundary.minutes() + "M");
      }
      AbstractFlowNodeBuilder<?, ?> path = event;
      if (boundary.handlerTaskId() != null) {
        path = path.serviceTask(boundary.handlerTaskId(), t -> t.zeebeJobType(jobType));
      }
      if (boundary.interrupting()) {
        path.connectTo(mergeId);
      } else {
        path.endEvent(boundary.id() + "_end");
      }
    }
    return merge ? activity.moveToNode(mergeId) : activity.moveToNode(activityId);
  }

  private AbstractFlowNodeBuilder<?, ?> choice(Choice choice, AbstractFlowNodeBuilder<?, ?> builder) {
    builder.exclusiveGateway(choice.splitId());
    boolean joined = false;
    for (Branch branch : choice.branches()) {
      AbstractFlowNodeBuilder<?, ?> split = builder.moveToNode(choice.splitId()).sequenceFlowId(branch.flowId());
      if (branch.condition() == null) {
        split = ((AbstractExclusiveGatewayBuilder<?>) split).defaultFlow();
      } else {
        split = split.conditionExpression(branch.condition().feel());
      }
      AbstractFlowNodeBuilder<?, ?> end = branch.body() == null ? split : emit(branch.body(), split);
      if (joined) {
        end.connectTo(choice.joinId());
      } else {
        end.exclusiveGateway(choice.joinId());
        joined = true;
      }
    }
    return builder.moveToNode(choice.joinId());
  }

  private AbstractFlowNodeBuilder<?, ?> fork(Fork fork, AbstractFlowNodeBuilder<?, ?> builder) {
    builder.parallelGateway(fork.forkId());
    boolean joined = false;
    for (Block branch : fork.branches()) {
      AbstractFlowNodeBuilder<?, ?> from = builder.moveToNode(fork.forkId());
      AbstractFlowNodeBuilder<?, ?> end = branch == null ? from : emit(branch, from);
      if (joined) {
        end.connectTo(fork.joinId());
      } else {
        end.parallelGateway(fork.joinId());
        joined = true;
      }
    }
    return builder.moveToNode(fork.joinId());
  }

  private AbstractFlowNodeBuilder<?, ?> maybeEnd(MaybeEnd maybe, AbstractFlowNodeBuilder<?, ?> builder) {
    builder.exclusiveGateway(maybe.splitId()).sequenceFlowId(maybe.endFlowId()).conditionExpression(maybe.condition().feel())
        .endEvent(maybe.endId(), e -> {
          if (maybe.errorCode() != null) {
            e.error(maybe.errorCode());
          } else {
            e.terminate();
          }
        });
    AbstractFlowNodeBuilder<?, ?> split = builder.moveToNode(maybe.splitId()).sequenceFlowId(maybe.continueFlowId());
    return ((AbstractExclusiveGatewayBuilder<?>) split).defaultFlow().task(maybe.anchorId());
  }
}
