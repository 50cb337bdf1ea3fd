import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;

// usage: ThreadLoad <jfr> <fromSecondsBeforeEnd> <toSecondsBeforeEnd>
// Each thread's CPU (user + system, in cores) from jdk.ThreadCPULoad, averaged over the events that fall in the
// window, with thread names' numbers folded; and the JVM's total from jdk.CPULoad.
public class ThreadLoad {
  public static void main(String[] a) throws Exception {
    List<RecordedEvent> events = new ArrayList<>();
    Instant end = Instant.MIN;
    try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        String n = e.getEventType().getName();
        if (n.equals("jdk.ThreadCPULoad") || n.equals("jdk.CPULoad")) events.add(e);
        if (e.getEndTime().isAfter(end)) end = e.getEndTime();
      }
    }
    Instant from = end.minusSeconds(Long.parseLong(a[1])), to = end.minusSeconds(Long.parseLong(a[2]));
    Map<String, double[]> perThread = new TreeMap<>(); // name -> {sum of each event's load, events per thread}
    Set<Instant> stamps = new TreeSet<>();
    double jvmSum = 0; int jvmN = 0;
    for (RecordedEvent e : events) {
      Instant t = e.getStartTime();
      if (t.isBefore(from) || t.isAfter(to)) continue;
      if (e.getEventType().getName().equals("jdk.CPULoad")) {
        jvmSum += e.getFloat("jvmUser") + e.getFloat("jvmSystem"); jvmN++;
        continue;
      }
      stamps.add(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      RecordedThread th = e.getThread("eventThread");
      String name = th == null ? "?" : (th.getJavaName() != null ? th.getJavaName() : th.getOSName());
      name = name.replaceAll("\\d+", "#");
      double load = e.getFloat("user") + e.getFloat("system");
      perThread.computeIfAbsent(name, k -> new double[3])[0] += load;
      perThread.get(name)[1] += e.getFloat("system");
    }
    int periods = Math.max(1, stamps.size());
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("window %s .. %s, %d sampling periods; jdk.CPULoad (share of the machine) mean %.3f = %.2f cores%n",
        from, to, periods, jvmN == 0 ? 0 : jvmSum / jvmN, jvmN == 0 ? 0 : cores * jvmSum / jvmN);
    double total = 0;
    List<Map.Entry<String, double[]>> sorted = new ArrayList<>(perThread.entrySet());
    sorted.sort((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0]));
    for (var en : sorted) {
      // ThreadCPULoad is a share of the machine: times the cores gives cores of this thread (group)
      double coresUsed = cores * en.getValue()[0] / periods, sys = cores * en.getValue()[1] / periods;
      total += coresUsed;
      if (coresUsed >= 0.005) System.out.printf("%7.3f cores (system %.3f)  %s%n", coresUsed, sys, en.getKey());
    }
    System.out.printf("%7.3f cores in all threads%n", total);
  }
}
