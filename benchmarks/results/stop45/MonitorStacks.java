import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
public class MonitorStacks {
  public static void main(String[] a) throws Exception {
    Map<String,double[]> agg = new HashMap<>();
    try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        if (!e.getEventType().getName().equals(a[1])) continue;
        RecordedThread t = e.getThread();
        if (t == null || t.getJavaName() == null || !t.getJavaName().startsWith(a[2])) continue;
        StringBuilder sb = new StringBuilder();
        if (e.hasField("monitorClass") && e.getClass("monitorClass") != null) sb.append("monitor ").append(e.getClass("monitorClass").getName()).append('\n');
        var frames = e.getStackTrace() == null ? List.<RecordedFrame>of() : e.getStackTrace().getFrames();
        for (int i = 0; i < Math.min(14, frames.size()); i++) sb.append("   ").append(frames.get(i).getMethod().getType().getName()).append('.').append(frames.get(i).getMethod().getName()).append(':').append(frames.get(i).getLineNumber()).append('\n');
        double[] v = agg.computeIfAbsent(sb.toString(), k -> new double[3]);
        double ms = e.getDuration().toNanos() / 1e6;
        v[0]++; v[1] += ms; v[2] = Math.max(v[2], ms);
      }
    }
    agg.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(5)
      .forEach(en -> System.out.printf("%d events, %.1f ms in all, max %.1f ms%n%s%n", (int) en.getValue()[0], en.getValue()[1], en.getValue()[2], en.getKey()));
  }
}
