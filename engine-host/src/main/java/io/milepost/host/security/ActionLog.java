package io.milepost.host.security;

import io.milepost.host.site.HostSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records who did what (table {@code recorded_action}): the API calls this after the engine accepted a
 * deployment, a cancellation, an incident resolution or a user task completion. Written after the
 * engine's commit, not in it (the engine's store knows nothing of users), so a crash between the two
 * can lose the record of a command that did happen.
 */
@Component
public final class ActionLog {

  /** What was done; the subject key is the engine's key of the deployment, instance, incident or task. */
  public enum Action { DEPLOYED, CANCELLED_INSTANCE, RESOLVED_INCIDENT, COMPLETED_USER_TASK }

  public record RecordedAction(Action action, long subjectKey, String actor, Instant recordedAt) {}

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Clock clock = Clock.systemUTC();

  /** Takes the schema so that Spring migrates the host tables first. */
  ActionLog(JdbcClient jdbc, HostSchema schema, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
  }

  /** Records that the current user did {@code action} to {@code subjectKey}. */
  public void record(Action action, long subjectKey) {
    jdbc.sql("INSERT INTO recorded_action (action, subject_key, actor, recorded_at) VALUES (?, ?, ?, ?)")
        .params(action.name(), subjectKey, currentUser.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update();
  }

  /** What was done to {@code subjectKey}, oldest first. */
  public List<RecordedAction> of(long subjectKey) {
    return jdbc.sql("SELECT action, subject_key, actor, recorded_at FROM recorded_action WHERE subject_key = ? ORDER BY id")
        .param(subjectKey)
        .query((row, n) -> new RecordedAction(Action.valueOf(row.getString(1)), row.getLong(2), row.getString(3),
            row.getObject(4, OffsetDateTime.class).toInstant()))
        .list();
  }
}
