import java.io.*;
import java.nio.file.*;
import java.util.*;

/**
 * Reads journal segments (the engine's record format, texts whole or by their number in the segment) and sums bytes by
 * statement text: the text itself, its rows' arguments. Usage: java JournalStats.java <journal directory>
 */
public class JournalStats {
  public static void main(String[] a) throws Exception {
    Map<String, long[]> by = new HashMap<>(); // sqlBytes, argBytes, count, rows
    long records = 0, total = 0;
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(Path.of(a[0]))) { s.filter(p -> p.toString().endsWith(".journal")).sorted().forEach(files::add); }
    for (Path f : files) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)));
      List<String> texts = new ArrayList<>();
      while (true) {
        int len; try { len = in.readInt(); } catch (EOFException e) { break; }
        if (len <= 0) break;
        in.readInt();
        byte[] payload = new byte[len];
        try { in.readFully(payload); } catch (EOFException e) { break; }
        records++; total += len + 8;
        DataInputStream p = new DataInputStream(new ByteArrayInputStream(payload));
        p.readLong();
        int n = p.readInt();
        for (int i = 0; i < n; i++) {
          int sl = p.readInt();
          String key;
          if (sl < 0) {
            key = texts.get(-1 - sl);
            sl = 0;
          } else {
            key = new String(p.readNBytes(sl));
            texts.add(key);
          }
          key = key.length() > 90 ? key.substring(0, 90) : key;
          long[] acc = by.computeIfAbsent(key, k -> new long[4]);
          acc[0] += 4 + sl; acc[2]++;
          int rows = p.readInt(); acc[0] += 4; acc[3] += rows;
          for (int r = 0; r < rows; r++) {
            int args = p.readInt(); acc[1] += 4;
            for (int x = 0; x < args; x++) acc[1] += arg(p);
          }
        }
      }
    }
    System.out.printf("records %d, bytes %d, per record %d%n", records, total, total / Math.max(1, records));
    final long all = total;
    by.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0] + y.getValue()[1], x.getValue()[0] + x.getValue()[1])).limit(25)
        .forEach(e -> System.out.printf("%6.1f%% sql %5.1f%% args %5.1f%% n=%d rows=%d  %s%n",
            100.0 * (e.getValue()[0] + e.getValue()[1]) / all, 100.0 * e.getValue()[0] / all, 100.0 * e.getValue()[1] / all,
            e.getValue()[2], e.getValue()[3], e.getKey()));
    long sql = by.values().stream().mapToLong(v -> v[0]).sum(), args = by.values().stream().mapToLong(v -> v[1]).sum();
    System.out.printf("all sql text %.1f%%, all args %.1f%%%n", 100.0 * sql / total, 100.0 * args / total);
  }
  static int arg(DataInputStream p) throws IOException {
    byte t = p.readByte();
    return 1 + switch (t) {
      case 0 -> 0;
      case 1 -> { p.readLong(); yield 8; }
      case 2 -> { p.readInt(); yield 4; }
      case 3, 7, 9 -> { int l = p.readInt(); p.skipNBytes(l); yield 4 + l; }
      case 4 -> { p.readBoolean(); yield 1; }
      case 5 -> { p.readDouble(); yield 8; }
      case 6 -> { int l = p.readInt(); p.skipNBytes(l); yield 4 + l; }
      case 8 -> { p.readShort(); yield 2; }
      default -> throw new IOException("type " + t);
    };
  }
}
