package io.milepost.engine.durability;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.milepost.engine.state.JournalingDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Runs in a child JVM for {@link KillDurabilityTest}: creates instances and completes their jobs
 * as fast as it can, printing a line for each command only after the engine acknowledged it. Arguments: the store's
 * JDBC URL, and {@code journal} to give the engine a {@link JournalingDataSource}.
 */
public final class LoadDriver {

  public static void main(String[] args) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(args[0]);
    DataSource dataSource = args.length > 1 && args[1].equals("journal") ? new JournalingDataSource(h2) : h2;
    MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(dataSource, Clock.systemUTC(), null, "driver"));
    String xml = Bpmn.convertToString(Bpmn.createExecutableProcess("durable").startEvent()
        .serviceTask("step", t -> t.zeebeJobType("durable-step")).endEvent().done());
    engine.deploy(List.of(new DeploymentResource("durable.bpmn", xml.getBytes(StandardCharsets.UTF_8))));
    System.out.println("READY");
    for (int i = 0; ; i++) {
      long instance = engine.createProcessInstance(CreateProcessInstance.latest("durable", Map.of("n", i))).processInstanceKey();
      System.out.println("CREATED " + instance);
      List<ActivatedJob> jobs = engine.activateJobs(new ActivateJobs("durable-step", "driver", Duration.ofMinutes(5), 1, List.of()));
      for (ActivatedJob job : jobs) {
        engine.completeJob(job.key(), Map.of("done", true));
        System.out.println("COMPLETED " + job.key() + " " + job.processInstanceKey());
      }
      System.out.flush();
    }
  }
}
