import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
/** jdk.ThreadPark and jdk.JavaMonitorEnter of one thread: count and total ms by the first engine frame of the stack. */
public class Parks {
  public static void main(String[] a) throws Exception {
    Map<String, double[]> by = new TreeMap<>();
    try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        String type = e.getEventType().getName();
        if (!type.equals("jdk.ThreadPark") && !type.equals("jdk.JavaMonitorEnter")) continue;
        RecordedThread t = e.getThread();
        if (t == null || t.getJavaName() == null || !t.getJavaName().startsWith(a[1])) continue;
        String key = type.substring(4) + " ?";
        if (e.getStackTrace() != null) for (RecordedFrame f : e.getStackTrace().getFrames()) {
          String n = f.getMethod().getType().getName() + "." + f.getMethod().getName();
          if (n.startsWith("io.milepost")) { key = type.substring(4) + " " + n + ":" + f.getLineNumber(); break; }
        }
        double[] v = by.computeIfAbsent(key, k -> new double[2]);
        v[0]++; v[1] += e.getDuration().toNanos() / 1e6;
      }
    }
    by.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(15)
      .forEach(x -> System.out.printf("%8.0f ms %6.0f events  %s%n", x.getValue()[1], x.getValue()[0], x.getKey()));
  }
}
