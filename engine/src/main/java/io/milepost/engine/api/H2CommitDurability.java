package io.milepost.engine.api;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an acknowledged command survives on an H2 store; PostgreSQL keeps its own settings
 * ({@code synchronous_commit}, {@code fsync}) and ignores this. The engine writes each group commit to the
 * H2 file before it answers; the choice is whether it also waits for the device to hold it.
 */
public enum H2CommitDurability {

  /**
   * The commits are written to the file and the file is forced to the device before they are answered, once per
   * checkpoint (H2's {@code CHECKPOINT SYNC}; the engine's checkpoint runs {@code CHECKPOINT} and forces the file
   * itself, see {@code Store}). The default.
   */
  POWER_CUT("power-cut", "CHECKPOINT SYNC"),

  /**
   * {@code CHECKPOINT}: the commit is in the operating system's file cache when the command is answered, so it
   * survives the engine's process being killed, but a power cut or an operating-system crash can lose the
   * commits of the last seconds (until the operating system writes its cache out).
   */
  PROCESS_KILL("process-kill", "CHECKPOINT");

  private final String propertyValue;
  private final String checkpointStatement;

  H2CommitDurability(String propertyValue, String checkpointStatement) {
    this.propertyValue = propertyValue;
    this.checkpointStatement = checkpointStatement;
  }

  /** Whether the file is forced to the device, not only written. */
  public boolean forcesToDevice() {
    return this == POWER_CUT;
  }

  /** The H2 statement run after each commit. */
  public String checkpointStatement() {
    return checkpointStatement;
  }

  /** {@code power-cut} or {@code process-kill} (case does not matter). */
  public static H2CommitDurability parse(String value) {
    return Arrays.stream(values()).filter(v -> v.propertyValue.equals(value.trim().toLowerCase(Locale.ROOT)))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("Expected the H2 commit durability to be one of "
            + Arrays.stream(values()).map(v -> v.propertyValue).toList() + ", but found '" + value + "'"));
  }
}
