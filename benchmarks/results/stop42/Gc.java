import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
public class Gc {
  public static void main(String[] a) throws Exception {
    List<String> rows = new ArrayList<>();
    try (RecordingFile rf = new RecordingFile(Path.of(a[0]))) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        if (!e.getEventType().getName().equals("jdk.GarbageCollection")) continue;
        double ms = e.getDuration().toNanos() / 1e6;
        double pause = e.getDuration("sumOfPauses").toNanos() / 1e6;
        if (pause > Double.parseDouble(a[1])) rows.add(String.format("%s %-30s %-30s pause %6.1f ms (longest %6.1f) total %6.1f", e.getStartTime(), e.getString("name"), e.getString("cause"), pause, e.getDuration("longestPause").toNanos()/1e6, ms));
      }
    }
    rows.forEach(System.out::println);
  }
}
