package io.milepost.host.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.AdjustableClock;
import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.EngineQueries;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUserApi;
import io.milepost.host.testing.OneSiteHome;
import io.milepost.host.testing.TestPluginJar;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The release of terminated instances' units keeps the position it read the engine's event log up to in memory: a
 * run that finds nothing to release writes nothing (on H2 any write by the host makes the engine store its pages
 * before it answers again), and the stored position is moved with a release or once it lagged for a while. A host
 * restarted from a lagging position reads part of the log again and still releases every reservation once.
 *
 * <p>The host's own release task is off here: the tests run {@link TerminatedInstances} themselves, as the host and
 * as the host after a restart, over the host's database and engine.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TerminatedInstancesCursorTest {

  private static final OneSiteHome HOME = OneSiteHome.running(TestPluginJar.plugin("keeper", "1.0.0")
      .handler("test.reserve", """
          boolean reserved = context.inventory().reserve(context.site().id(),
              (String) context.variables().get("orderId"), Map.of("RC-1", 2));
          return StepResult.complete(Map.of("reserved", reserved));""")
      .handler("test.release", """
          Optional<Reservation> released = context.inventory().release((String) context.variables().get("orderId"));
          return StepResult.complete(Map.of("released", released.map(r -> r.state().name()).orElse("NONE")));"""));

  @LocalServerPort
  int port;

  @Autowired
  EngineQueries engine;

  @Autowired
  DataSource dataSource;

  /** The release's own clock, moved by the tests; the engine's runs as it does. */
  private final AdjustableClock clock = new AdjustableClock(Clock.systemUTC());

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    HOME.register(registry, "test-fc-1", "Test FC");
    registry.add("milepost.inventory.release-terminated-every", () -> "0");
  }

  @Test
  void shouldWriteNothingWhileNoInstanceTerminatesAndStoreALaggingPositionOncePerInterval() {
    AtomicInteger writes = new AtomicInteger();
    TerminatedInstances host = startedOn(countingWrites(dataSource, writes));
    host.releaseWhatTheyHeld(); // whatever an earlier test left to read
    long stored = storedPosition();
    writes.set(0);

    // given orders that start and wait, while none terminates
    DemoUserApi api = new DemoUserApi(port);
    try (CamundaClient client = api.client()) {
      deploy(client);
      for (int run = 0; run < 3; run++) {
        client.newCreateInstanceCommand().bpmnProcessId("start-then-wait").latestVersion()
            .variables(Map.of("orderId", "o-ci-" + run)).send().join();

        // when the release runs
        host.releaseWhatTheyHeld();
      }
    }

    // then the log grew, but the runs wrote nothing, not even the position they read up to
    assertThat(engine.lastEventPosition()).isGreaterThan(stored);
    assertThat(writes).hasValue(0);
    assertThat(storedPosition()).isEqualTo(stored);

    // and once the position lagged for the interval, one run stores it and the next writes nothing again
    clock.add(TerminatedInstances.STORE_IDLE_POSITION_EVERY);
    host.releaseWhatTheyHeld();
    host.releaseWhatTheyHeld();
    assertThat(writes).hasValue(1);
    assertThat(storedPosition()).isGreaterThan(stored);
  }

  @Test
  void shouldReleaseEveryReservationOnceAfterARestartFromALaggingPosition() {
    DemoUserApi api = new DemoUserApi(port);
    api.postCsv("/api/inventory/import", "siteId,sku,onHand\ntest-fc-1,RC-1,5\n");
    TerminatedInstances host = startedOn(dataSource);
    long thirdOrder;
    try (CamundaClient client = api.client()) {
      deploy(client);
      // given an order cancelled through the API, whose units the host gives back
      long firstOrder = reserve(client, api, "reserve-then-wait", "o-rc-1");
      client.newCancelInstanceCommand(firstOrder).send().join();
      host.releaseWhatTheyHeld();
      assertThat(api.position("test-fc-1", "RC-1")).containsEntry("reserved", 0);
      long stored = storedPosition();

      // and one that gave its units back itself before it was cancelled: its end is read, and no position stored
      long secondOrder = client.newCreateInstanceCommand().bpmnProcessId("reserve-release-then-wait").latestVersion()
          .variables(Map.of("orderId", "o-rc-2")).send().join().getProcessInstanceKey();
      await("the second order's own release").atMost(Duration.ofSeconds(30))
          .until(() -> api.items("/api/inventory/movements?siteId=test-fc-1&sku=RC-1").stream()
              .anyMatch(m -> m.get("kind").equals("RELEASED") && m.get("reference").equals("o-rc-2")));
      client.newCancelInstanceCommand(secondOrder).send().join();
      host.releaseWhatTheyHeld();
      assertThat(storedPosition()).isEqualTo(stored).isLessThan(terminatedAt(secondOrder));

      // when a third order is cancelled, and the host restarts before it runs again
      thirdOrder = reserve(client, api, "reserve-then-wait", "o-rc-3");
      client.newCancelInstanceCommand(thirdOrder).send().join();
    }
    TerminatedInstances restarted = startedOn(dataSource);
    restarted.releaseWhatTheyHeld();
    restarted.releaseWhatTheyHeld();

    // then the third order's units are given back, and no reservation was released twice
    assertThat(api.position("test-fc-1", "RC-1")).containsEntry("onHand", 5).containsEntry("reserved", 0)
        .containsEntry("available", 5);
    assertThat(api.items("/api/inventory/movements?siteId=test-fc-1&sku=RC-1"))
        .filteredOn(m -> m.get("kind").equals("RELEASED"))
        .extracting(m -> m.get("reference"), m -> m.get("reservedChange"), m -> m.get("actor"))
        .containsExactlyInAnyOrder(Tuple.tuple("o-rc-1", -2, StockChanges.TERMINATED_ACTOR),
            Tuple.tuple("o-rc-2", -2, null), Tuple.tuple("o-rc-3", -2, StockChanges.TERMINATED_ACTOR));
    assertThat(storedPosition()).isGreaterThanOrEqualTo(terminatedAt(thirdOrder));
  }

  /** What the host builds, over {@code dataSource}, started as the host starts it. */
  private TerminatedInstances startedOn(DataSource dataSource) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    StockChanges changes = new StockChanges(jdbc, transactions, new StockPositions(jdbc, Clock.systemUTC()),
        new Reservations(jdbc), new MovementLedger(jdbc));
    return new TerminatedInstances(engine, jdbc, transactions, changes, clock).startingAtTheEndOfTheLogTheFirstTime();
  }

  private long storedPosition() {
    return JdbcClient.create(dataSource).sql("SELECT position FROM inventory_event_cursor WHERE name = ?")
        .param("terminated-instances").query(Long.class).single();
  }

  private long terminatedAt(long processInstanceKey) {
    return engine.events(processInstanceKey).stream()
        .filter(e -> e.intent().equals("ELEMENT_TERMINATED") && e.elementType().equals("PROCESS"))
        .mapToLong(EngineEvent::position).max().orElseThrow();
  }

  private static long reserve(CamundaClient client, DemoUserApi api, String model, String orderId) {
    long instance = client.newCreateInstanceCommand().bpmnProcessId(model).latestVersion()
        .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();
    await("the reservation of " + orderId).atMost(Duration.ofSeconds(30))
        .until(() -> api.position("test-fc-1", "RC-1").get("reserved"), reserved -> Integer.valueOf(2).equals(reserved));
    return instance;
  }

  private static void deploy(CamundaClient client) {
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("start-then-wait").startEvent()
            .intermediateCatchEvent("wait").message(m -> m.name("never").zeebeCorrelationKeyExpression("orderId"))
            .endEvent().done(), "start-then-wait.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("reserve-then-wait").startEvent()
            .serviceTask("reserve", t -> t.zeebeJobType("test.reserve").zeebeInputExpression("\"test-fc-1\"", "siteId"))
            .intermediateCatchEvent("wait").message(m -> m.name("never").zeebeCorrelationKeyExpression("orderId"))
            .endEvent().done(), "reserve-then-wait.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("reserve-release-then-wait").startEvent()
            .serviceTask("reserve", t -> t.zeebeJobType("test.reserve").zeebeInputExpression("\"test-fc-1\"", "siteId"))
            .serviceTask("release", t -> t.zeebeJobType("test.release").zeebeInputExpression("\"test-fc-1\"", "siteId"))
            .intermediateCatchEvent("wait").message(m -> m.name("never").zeebeCorrelationKeyExpression("orderId"))
            .endEvent().done(), "reserve-release-then-wait.bpmn")
        .send().join();
  }

  /**
   * {@code target}, counting the statements run through it that are not queries: what a {@code JournalingDataSource}
   * reports to the engine as a write.
   */
  private static DataSource countingWrites(DataSource target, AtomicInteger writes) {
    return counting(DataSource.class, target, writes);
  }

  private static <T> T counting(Class<T> type, Object target, AtomicInteger writes) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().startsWith("execute") && !method.getName().equals("executeQuery")) {
        writes.incrementAndGet();
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      boolean wrap = method.getReturnType().isInterface() && (result instanceof Connection || result instanceof Statement);
      return wrap ? counting(method.getReturnType(), result, writes) : result;
    }));
  }
}
