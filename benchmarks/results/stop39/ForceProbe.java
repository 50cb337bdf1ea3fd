import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;

/** Forces of a journal that grows against one written into a reused file, alternating, while another file takes H2-like writes. */
public class ForceProbe {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int seconds = Integer.parseInt(args[1]);
    long segment = 64L << 20;
    Files.createDirectories(dir);
    // the reused file: a former segment, written whole once
    Path reusedPath = dir.resolve("reused.journal");
    try (FileChannel f = FileChannel.open(reusedPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.allocate(1 << 20);
      for (long o = 0; o < segment; o += b.capacity()) { ThreadLocalRandom.current().nextBytes(b.array()); b.clear(); f.write(b, o); }
      f.force(true);
    }
    volatile_stop = false;
    Thread h2 = new Thread(() -> {
      try (FileChannel big = FileChannel.open(dir.resolve("store.mv.db"), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer b = ByteBuffer.allocate(4 << 20);
        long at = 0; int tick = 0;
        while (!volatile_stop) {
          ThreadLocalRandom.current().nextBytes(b.array()); b.clear();
          big.write(b, at); at += b.capacity();
          if (at > (512L << 20)) at = 0;
          if (++tick % 4 == 0) big.force(false);
          Thread.sleep(500);
        }
      } catch (Exception e) { throw new RuntimeException(e); }
    });
    h2.start();
    FileChannel grow = FileChannel.open(dir.resolve("grow.journal"), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    FileChannel reused = FileChannel.open(reusedPath, StandardOpenOption.WRITE);
    long growAt = 0, reusedAt = 0; int growFiles = 0;
    List<Long> g = new ArrayList<>(), r = new ArrayList<>();
    ByteBuffer rec = ByteBuffer.allocate(8 << 10);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      ThreadLocalRandom.current().nextBytes(rec.array());
      if (growAt + rec.capacity() > segment) { grow.close(); Files.delete(dir.resolve("grow.journal")); grow = FileChannel.open(dir.resolve("grow.journal"), StandardOpenOption.CREATE, StandardOpenOption.WRITE); growAt = 0; growFiles++; }
      rec.clear(); grow.write(rec, growAt); growAt += rec.capacity();
      long t0 = System.nanoTime(); grow.force(false); g.add(System.nanoTime() - t0);
      if (reusedAt + rec.capacity() > segment) reusedAt = 0;
      rec.clear(); reused.write(rec, reusedAt); reusedAt += rec.capacity();
      t0 = System.nanoTime(); reused.force(false); r.add(System.nanoTime() - t0);
      Thread.sleep(1);
    }
    volatile_stop = true; h2.join();
    report("growing file (size changes with each append)", g);
    report("reused file (no size change)", r);
  }
  static volatile boolean volatile_stop;
  static void report(String name, List<Long> l) {
    Collections.sort(l); int n = l.size();
    System.out.printf("%-48s n=%d p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.1f ms, >10ms: %d%n", name, n,
        l.get(n / 2) / 1e6, l.get((int) (n * .9)) / 1e6, l.get((int) (n * .99)) / 1e6, l.get((int) (n * .999)) / 1e6, l.get(n - 1) / 1e6,
        l.stream().filter(x -> x > 10_000_000).count());
  }
}
