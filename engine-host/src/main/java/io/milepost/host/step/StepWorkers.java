package io.milepost.host.step;

import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.PluginVersion;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One step worker per job type that some loaded plugin provides, over the transport the host was set up
 * with (in process, or the official client).
 *
 * <p>A lifecycle bean in the last phase: Spring starts it after the web server (whose lifecycle has a
 * lower phase), so the host's own REST API answers a client transport's first poll, and stops it first,
 * so no poll hits a closing server. A plugin loaded later gets its worker through the catalog's listener.
 */
final class StepWorkers implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(StepWorkers.class);

  private final WorkerProperties properties;
  private final PluginCatalog catalog;
  private final Supplier<StepTransport> transports;
  private final Set<String> jobTypes = ConcurrentHashMap.newKeySet();
  private volatile StepTransport transport;
  private volatile boolean listening;

  StepWorkers(WorkerProperties properties, PluginCatalog catalog, Supplier<StepTransport> transports) {
    this.properties = properties;
    this.catalog = catalog;
    this.transports = transports;
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled()) {
      LOG.info("No step workers on this node: milepost.worker.enabled is false");
      return;
    }
    transport = transports.get();
    if (!listening) {
      catalog.onLoaded(this::openWorkers);
      listening = true;
    }
    catalog.versions().forEach(this::openWorkers);
  }

  @Override
  public synchronized void stop() {
    if (transport != null) {
      transport.close();
      transport = null;
    }
    jobTypes.clear();
  }

  @Override
  public boolean isRunning() {
    return transport != null;
  }

  /** The job types a worker is open for. */
  Set<String> jobTypes() {
    return new TreeSet<>(jobTypes);
  }

  private synchronized void openWorkers(PluginVersion plugin) {
    if (transport == null) {
      return;
    }
    for (String jobType : plugin.jobTypes()) {
      if (jobTypes.add(jobType)) {
        transport.open(jobType);
      }
    }
  }
}
