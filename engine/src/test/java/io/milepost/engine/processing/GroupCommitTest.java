package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.testing.EngineHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Commands from many threads share transactions (group commit); a rejected command in a batch
 * changes nothing and does not take its neighbours down with it.
 */
class GroupCommitTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  @Test
  void shouldKeepEveryAcknowledgedCommandAndNoneOfTheRejectedOnes() throws Exception {
    // given
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().serviceTask("t", t -> t.zeebeJobType("t")).endEvent().done());
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger rejected = new AtomicInteger();

    // when 8 threads create instances while 4 others send commands the engine must reject
    ExecutorService threads = Executors.newFixedThreadPool(12);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(threads.submit(() -> {
        for (int i = 0; i < 25; i++) {
          acknowledged.add(harness.start("p", Map.of("i", i)));
        }
      }));
    }
    for (int t = 0; t < 4; t++) {
      futures.add(threads.submit(() -> {
        for (int i = 0; i < 25; i++) {
          try {
            harness.start("no-such-process", Map.of());
          } catch (RejectionException expected) {
            rejected.incrementAndGet();
          }
        }
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    threads.shutdown();

    // then
    assertThat(acknowledged).hasSize(200);
    assertThat(rejected).hasValue(100);
    var stored = harness.engine().queries().searchProcessInstances(ProcessInstanceFilter.all(), PageRequest.first(1000));
    assertThat(stored.totalItems()).isEqualTo(200);
    assertThat(harness.activate("t", 1000)).hasSize(200);
  }
}
