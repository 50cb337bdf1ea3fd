import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
/** Events of a JFR recording that lasted at least minMs, in time order: GC pauses, parks, monitor waits, file I/O. */
public class Stalls {
  public static void main(String[] a) throws Exception {
    double min = Double.parseDouble(a[1]);
    String threadPrefix = a.length > 2 ? a[2] : "";
    List<String> out = new ArrayList<>();
    try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        String type = e.getEventType().getName();
        if (!Set.of("jdk.GarbageCollection", "jdk.GCPhasePause", "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
            "jdk.FileForce", "jdk.FileWrite", "jdk.FileRead", "jdk.SafepointBegin", "jdk.ThreadSleep").contains(type)) continue;
        double ms = e.getDuration().toNanos() / 1e6;
        if (ms < min) continue;
        RecordedThread t = e.hasField("eventThread") ? e.getThread() : null;
        String tn = t == null ? "-" : String.valueOf(t.getJavaName());
        if (!type.startsWith("jdk.G") && !tn.startsWith(threadPrefix)) continue;
        String where = "";
        if (e.getStackTrace() != null) for (RecordedFrame f : e.getStackTrace().getFrames()) {
          String n = f.getMethod().getType().getName() + "." + f.getMethod().getName();
          if (n.startsWith("io.milepost") || n.startsWith("org.h2")) { where = n + ":" + f.getLineNumber(); break; }
        }
        String extra = type.equals("jdk.GarbageCollection") ? e.getString("name") : "";
        out.add(String.format("%s %8.1f ms %-22s %-28s %s %s", LocalTime.ofInstant(e.getStartTime(), ZoneOffset.UTC), ms,
            type.substring(4), tn.length() > 28 ? tn.substring(0, 28) : tn, where, extra));
      }
    }
    Collections.sort(out);
    out.forEach(System.out::println);
  }
}
