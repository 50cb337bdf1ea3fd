import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;

/** Long events (file force/write, monitor waits, parks, GC pauses) by type and thread, in the last N seconds. */
public class Stalls {
  public static void main(String[] a) throws Exception {
    List<RecordedEvent> all = RecordingFile.readAllEvents(Path.of(a[0]));
    long lastSeconds = Long.parseLong(a[1]);
    Instant end = all.stream().map(RecordedEvent::getEndTime).max(Comparator.naturalOrder()).orElseThrow();
    Instant from = end.minusSeconds(lastSeconds);
    Map<String, List<Double>> byKey = new TreeMap<>();
    for (RecordedEvent e : all) {
      if (e.getStartTime().isBefore(from)) continue;
      String type = e.getEventType().getName();
      if (!Set.of("jdk.FileForce", "jdk.FileWrite", "jdk.FileRead", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark",
          "jdk.GCPhasePause", "jdk.SafepointBegin", "jdk.ThreadSleep").contains(type)) continue;
      RecordedThread t = e.getThread();
      String tn = t == null ? "-" : String.valueOf(t.getJavaName()).replaceAll("\\d+", "#");
      String where = "";
      if (type.equals("jdk.ThreadPark") || type.equals("jdk.JavaMonitorEnter") || type.equals("jdk.JavaMonitorWait")) {
        RecordedStackTrace st = e.getStackTrace();
        if (st != null) {
          for (RecordedFrame f : st.getFrames()) {
            String n = f.getMethod().getType().getName();
            if (n.startsWith("io.milepost") || n.startsWith("org.h2")) { where = " @" + n.replaceAll(".*\\.", "") + "." + f.getMethod().getName(); break; }
          }
        }
      }
      byKey.computeIfAbsent(type + " " + tn + where, k -> new ArrayList<>()).add(e.getDuration().toNanos() / 1e6);
    }
    byKey.forEach((k, v) -> {
      Collections.sort(v);
      double sum = v.stream().mapToDouble(Double::doubleValue).sum();
      if (v.size() < 3 && v.get(v.size()-1) < 20) return;
      System.out.printf("%6d  sum %9.0f ms  p50 %6.1f  p99 %6.1f  max %6.1f  %s%n", v.size(), sum, v.get(v.size() / 2),
          v.get((int) Math.min(v.size() - 1, v.size() * 0.99)), v.get(v.size() - 1), k);
    });
  }
}
