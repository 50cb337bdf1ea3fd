import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
import java.util.regex.*;

public class Alloc {
  public static void main(String[] a) throws Exception {
    String mode = a[1];
    Pattern filt = a.length > 2 ? Pattern.compile(a[2]) : null;
    Map<String, Long> w = new HashMap<>();
    long total = 0;
    try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        if (!e.getEventType().getName().equals("jdk.ObjectAllocationSample")) continue;
        long weight = e.getLong("weight");
        RecordedStackTrace st = e.getStackTrace();
        if (st == null) continue;
        List<RecordedFrame> fr = st.getFrames();
        RecordedThread t = e.getThread("eventThread");
        String tn = t == null ? "?" : String.valueOf(t.getJavaName());
        total += weight;
        switch (mode) {
          case "thread" -> w.merge(tn.replaceAll("\\d+", "#"), weight, Long::sum);
          case "class" -> w.merge(e.getClass("objectClass").getName(), weight, Long::sum);
          case "first" -> { // first frame from top matching filter
            String hit = "(none)";
            for (RecordedFrame f : fr) { String n = f.getMethod().getType().getName() + "." + f.getMethod().getName(); if (filt.matcher(n).find()) { hit = n; break; } }
            w.merge(hit, weight, Long::sum);
          }
        }
      }
    }
    System.out.printf("total %.0f MB%n", total / 1e6);
    final long tot = total;
    w.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(30)
      .forEach(en -> System.out.printf("%8.1f MB %5.1f%% %s%n", en.getValue() / 1e6, 100.0 * en.getValue() / tot, en.getKey()));
  }
}
