import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
import java.util.regex.*;
// usage: Callers <jfr> <threadRegex> <frameRegex> <callerRegex> [depthMode]
// for samples whose stack contains frameRegex (searching from top), report the first frame below it matching callerRegex
public class Callers {
  public static void main(String[] a) throws Exception {
    Pattern thr = Pattern.compile(a[1]), target = Pattern.compile(a[2]), caller = Pattern.compile(a[3]);
    Map<String,Integer> counts = new HashMap<>(); int total = 0, all = 0;
    try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
        RecordedThread t = e.getThread("sampledThread");
        String tn = t == null ? "?" : (t.getJavaName() != null ? t.getJavaName() : t.getOSName());
        if (!thr.matcher(tn).find()) continue;
        all++;
        var fr = e.getStackTrace().getFrames();
        for (int i = 0; i < fr.size(); i++) {
          if (target.matcher(name(fr.get(i))).find()) {
            total++;
            String c = "?";
            for (int j = i + 1; j < fr.size(); j++) if (caller.matcher(name(fr.get(j))).find()) { c = name(fr.get(j)) + ":" + fr.get(j).getLineNumber(); break; }
            counts.merge(c, 1, Integer::sum);
            break;
          }
        }
      }
    }
    final int allF = all;
    System.out.println("thread samples " + all + ", matching " + total);
    counts.entrySet().stream().sorted(Map.Entry.<String,Integer>comparingByValue().reversed()).limit(Integer.getInteger("n", 30))
      .forEach(en -> System.out.printf("%6d %5.1f%% %s%n", en.getValue(), 100.0 * en.getValue() / allF, en.getKey()));
  }
  static String name(RecordedFrame f) { var m = f.getMethod(); return m.getType().getName() + "." + m.getName(); }
}
