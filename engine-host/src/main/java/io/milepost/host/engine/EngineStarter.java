package io.milepost.host.engine;

import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.api.Engine;
import java.lang.reflect.InvocationTargetException;

/**
 * Calls {@code io.milepost.engine.MilepostEngine.start(EngineConfiguration)}.
 *
 * <p>Reflective only because that class is still being written on main; replace the body with the
 * direct call once it is merged.
 */
final class EngineStarter {

  private static final String ENTRY_POINT = "io.milepost.engine.MilepostEngine";

  private EngineStarter() {}

  static Engine start(EngineConfiguration configuration) {
    try {
      return (Engine) Class.forName(ENTRY_POINT).getMethod("start", EngineConfiguration.class)
          .invoke(null, configuration);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Expected the engine to start, but it failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Expected " + ENTRY_POINT + ".start(EngineConfiguration) on the classpath, but found: " + e, e);
    }
  }
}
