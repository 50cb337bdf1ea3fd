package io.milepost.bench.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * CPU time and peak heap of one JVM, this one or a child reached over local JMX: process CPU time from
 * {@code OperatingSystemMXBean}, peak heap as the sum of the heap pools' {@code MemoryPoolMXBean} peaks
 * since the last reset (an upper bound: pools may peak at different moments).
 */
public final class JvmProbe implements AutoCloseable {

  private final String name;
  private final com.sun.management.OperatingSystemMXBean os;
  private final List<MemoryPoolMXBean> heapPools;
  private final MemoryMXBean memory;
  private final ThreadMXBean threads;
  private final JMXConnector connector;

  private JvmProbe(String name, MBeanServerConnection connection, JMXConnector connector) throws IOException {
    this.name = name;
    this.connector = connector;
    this.os = ManagementFactory.getPlatformMXBean(connection, com.sun.management.OperatingSystemMXBean.class);
    this.heapPools = ManagementFactory.getPlatformMXBeans(connection, MemoryPoolMXBean.class).stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    this.memory = ManagementFactory.getPlatformMXBean(connection, MemoryMXBean.class);
    this.threads = ManagementFactory.getPlatformMXBean(connection, ThreadMXBean.class);
  }

  public static JvmProbe local(String name) {
    try {
      return new JvmProbe(name, ManagementFactory.getPlatformMBeanServer(), null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A child JVM started with {@code -Dcom.sun.management.jmxremote.port=port} (see {@link #jmxArguments}). */
  public static JvmProbe remote(String name, int port) throws IOException {
    JMXConnector connector = JMXConnectorFactory.connect(
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
    return new JvmProbe(name, connector.getMBeanServerConnection(), connector);
  }

  public static List<String> jmxArguments(int port) {
    return List.of("-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
        "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
        "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false");
  }

  public String name() {
    return name;
  }

  public long processCpuNanos() {
    return os.getProcessCpuTime();
  }

  /** A full GC, so that a round's peak starts from live data only. */
  public void gc() {
    memory.gc();
  }

  public void resetPeakHeap() {
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** Heap in use now (after {@link #gc()}: the live data). */
  public long heapUsedBytes() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  public long heapCommittedBytes() {
    return memory.getHeapMemoryUsage().getCommitted();
  }

  /** Live platform threads (virtual threads are not counted by the JVM's thread bean). */
  public int liveThreads() {
    return threads.getThreadCount();
  }

  public long peakHeapBytes() {
    return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  @Override
  public void close() {
    if (connector != null) {
      try {
        connector.close();
      } catch (IOException ignored) {
        // the child is going away anyway
      }
    }
  }
}
