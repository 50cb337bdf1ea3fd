import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;

/** Execution samples per second of the threads whose name matches, to see how busy one thread was over time. */
public class PerSecond {
  public static void main(String[] a) throws Exception {
    java.util.regex.Pattern thr = java.util.regex.Pattern.compile(a[1]);
    TreeMap<Long, int[]> perSecond = new TreeMap<>();
    try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
        RecordedThread t = e.getThread("sampledThread");
        String tn = t == null ? "?" : t.getJavaName();
        long s = e.getStartTime().getEpochSecond();
        int[] c = perSecond.computeIfAbsent(s, k -> new int[2]);
        c[1]++;
        if (tn != null && thr.matcher(tn).find()) c[0]++;
      }
    }
    long first = perSecond.firstKey();
    perSecond.forEach((s, c) -> System.out.println((s - first) + " " + c[0] + " " + c[1]));
  }
}
