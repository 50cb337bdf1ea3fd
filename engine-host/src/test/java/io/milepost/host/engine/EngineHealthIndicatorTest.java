package io.milepost.host.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Health follows the writer, not only the store. */
class EngineHealthIndicatorTest {

  @Test
  void shouldGoDownWhenTheWriterHasStoppedThoughTheStoreStillAnswers() {
    // given a running engine
    JdbcDataSource store = new JdbcDataSource();
    store.setURL("jdbc:h2:mem:health-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    MilepostEngine engine = MilepostEngine.start(EngineConfiguration.of(store));
    EngineHealthIndicator indicator = new EngineHealthIndicator(engine);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

    // when its writer stops (the store keeps answering reads)
    engine.close();

    // then
    Health health = indicator.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("writer", "stopped: commands are not being applied");
    assertThat(engine.queries().processInstance(1L)).isEmpty();
  }
}
