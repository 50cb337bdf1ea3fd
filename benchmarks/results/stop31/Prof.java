import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
import java.util.regex.*;

public class Prof {
  public static void main(String[] a) throws Exception {
    Pattern thr = Pattern.compile(a[1]);
    String mode = a[2];
    Pattern filt = a.length > 3 ? Pattern.compile(a[3]) : null;
    Map<String, Integer> counts = new HashMap<>();
    int total = 0;
    try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
        RecordedThread t = e.getThread("sampledThread");
        String tn = t == null ? "?" : (t.getJavaName() != null ? t.getJavaName() : t.getOSName());
        if (!thr.matcher(tn).find()) continue;
        RecordedStackTrace st = e.getStackTrace();
        if (st == null) continue;
        List<RecordedFrame> fr = st.getFrames();
        if (filt != null && !mode.equals("first")) {
          boolean hit = false;
          for (RecordedFrame f : fr) if (filt.matcher(name(f)).find()) { hit = true; break; }
          if (!hit) continue;
        }
        total++;
        switch (mode) {
          case "threads" -> counts.merge(tn.replaceAll("\\d+", "#"), 1, Integer::sum);
          case "self" -> counts.merge(fr.isEmpty() ? "?" : name(fr.get(0)), 1, Integer::sum);
          case "incl" -> { Set<String> seen = new HashSet<>(); for (RecordedFrame f : fr) if (seen.add(name(f))) counts.merge(name(f), 1, Integer::sum); }
          case "pkg" -> counts.merge(fr.isEmpty() ? "?" : pkg(fr.get(0)), 1, Integer::sum);
          case "first" -> { // first frame (from top) matching filter, caller below it
            for (int i = 0; i < fr.size(); i++) if (filt.matcher(name(fr.get(i))).find()) { counts.merge(name(fr.get(i)), 1, Integer::sum); break; }
          }
          case "under" -> { // frames directly called by the first frame matching filter (from bottom)
            for (int i = fr.size() - 1; i >= 0; i--) if (filt.matcher(name(fr.get(i))).find()) { counts.merge(i > 0 ? name(fr.get(i - 1)) : "(self)", 1, Integer::sum); break; }
          }
        }
      }
    }
    System.out.println("total " + total);
    int n = Integer.getInteger("n", 40);
    final int all = Math.max(1, total);
    counts.entrySet().stream().sorted(Map.Entry.<String,Integer>comparingByValue().reversed()).limit(n)
      .forEach(en -> System.out.printf("%6d %5.1f%% %s%n", en.getValue(), 100.0 * en.getValue() / all, en.getKey()));
  }
  static String name(RecordedFrame f) { var m = f.getMethod(); return m.getType().getName() + "." + m.getName(); }
  static String pkg(RecordedFrame f) { String n = f.getMethod().getType().getName(); int i = n.lastIndexOf('.'); return i < 0 ? n : n.substring(0, i); }
}
