import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
import java.util.regex.*;
/** Samples of threads matching a[1] whose stack has a frame matching a[2], counted by the first (innermost) frame matching a[3]. */
public class P2 {
  public static void main(String[] a) throws Exception {
    Pattern thr = Pattern.compile(a[1]), has = Pattern.compile(a[2]), by = Pattern.compile(a[3]);
    Map<String,Integer> c = new HashMap<>(); int total = 0;
    try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
        RecordedThread t = e.getThread("sampledThread");
        if (t == null || t.getJavaName() == null || !thr.matcher(t.getJavaName()).find()) continue;
        List<RecordedFrame> fr = e.getStackTrace().getFrames();
        int hit = -1;
        for (int i = 0; i < fr.size(); i++) if (has.matcher(n(fr.get(i))).find()) { hit = i; break; }
        if (hit < 0) continue;
        total++;
        String key = "?";
        for (int i = hit; i < fr.size(); i++) if (by.matcher(n(fr.get(i))).find()) { key = n(fr.get(i)) + ":" + fr.get(i).getLineNumber(); break; }
        c.merge(key, 1, Integer::sum);
      }
    }
    System.out.println("total " + total);
    final int all = total;
    c.entrySet().stream().sorted(Map.Entry.<String,Integer>comparingByValue().reversed()).limit(Integer.getInteger("n", 25))
      .forEach(x -> System.out.printf("%6d %5.1f%% %s%n", x.getValue(), 100.0 * x.getValue() / all, x.getKey()));
  }
  static String n(RecordedFrame f) { return f.getMethod().getType().getName() + "." + f.getMethod().getName(); }
}
