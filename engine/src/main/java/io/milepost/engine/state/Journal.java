package io.milepost.engine.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The journal's files: {@link JournalRecord}s appended in the order their transactions committed, to segment files
 * named after their first record's position. A record is its payload's length, its CRC-32C and the payload: a record
 * cut short or garbled (the append a crash interrupted) ends what is read of its segment, and so does one whose
 * position does not follow the one before (what a reused file held before). Within a segment a statement's text is
 * written whole once and by its number after that ({@link SegmentTexts}), so a segment is read from its start.
 *
 * <p>A segment whose records the store's file holds becomes the spare, the file the next segment is written into,
 * rather than being deleted ({@link #dropThrough}); only the first segments after a start are new files. So an append
 * mostly changes no file's size, and a force writes the records alone: on ext4 a force that also had to write the
 * file's new size waited for the file system's own journal, and with it for other files' data written since (H2's
 * pages): forces over 10 ms were about twenty times as many (benchmarks/NOTES.md, stop 39). Safe for the
 * checkpoint's thread that appends and the store's that drops.
 */
final class Journal implements AutoCloseable {

  /** A segment ends before the append that would take it past this (unless that append alone is larger). */
  static final long SEGMENT_BYTES = 64L << 20;
  private static final String SUFFIX = ".journal";
  /** A dropped segment's file, which the next segment is written into; never read as a segment. */
  private static final String SPARE = "next.journal-spare";
  private static final int HEADER_BYTES = 8;

  private final Path directory;
  private final long segmentLimit;
  private FileChannel segment;
  private long segmentBytes;
  /** The statement texts the segment being written holds (see {@link SegmentTexts}). */
  private SegmentTexts segmentTexts = new SegmentTexts();
  /** Bytes appended since the journal was opened, for the metric of what the journal writes. */
  private volatile long appendedBytes;

  private Journal(Path directory, long segmentLimit) {
    this.directory = directory;
    this.segmentLimit = segmentLimit;
  }

  /** The journal in {@code directory}, created if it is not there. */
  static Journal open(Path directory) {
    return open(directory, SEGMENT_BYTES);
  }

  /** As {@link #open(Path)}, with segments closed once they have grown past {@code segmentLimit} bytes. */
  static Journal open(Path directory, long segmentLimit) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StoreException("Failed to create the journal's directory " + directory, e);
    }
    return new Journal(directory, segmentLimit);
  }

  Path directory() {
    return directory;
  }

  /** Every whole record in every segment, in order. */
  synchronized List<JournalRecord> read() {
    List<JournalRecord> records = new ArrayList<>();
    for (Path file : segments()) {
      readSegment(file, records);
    }
    return records;
  }

  /** Writes {@code records} after the ones before (not forced: see {@link #force}). */
  synchronized void append(List<JournalRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    try {
      ByteBuffer[] all = encode(records);
      long remaining = bytes(all);
      if (needsNewSegment(remaining)) {
        startSegment(records.getFirst().position());
        all = encode(records); // with the new segment's texts
        remaining = bytes(all);
      }
      while (remaining > 0) {
        long written = segment.write(all);
        remaining -= written;
        segmentBytes += written;
        appendedBytes += written; // under the lock: one appender at a time
      }
    } catch (IOException | RuntimeException e) {
      // what comes next goes to a new segment: not after a record this append may have cut short, and not relying on
      // texts numbered by records that were not written
      closeSegment();
      throw new StoreException("Failed to append " + records.size() + " commits to the journal in " + directory, e);
    }
  }

  /** Each record's header and payload, its texts numbered in the segment being written. */
  private ByteBuffer[] encode(List<JournalRecord> records) {
    ByteBuffer[] buffers = new ByteBuffer[records.size() * 2];
    for (int i = 0; i < records.size(); i++) {
      byte[] payload = records.get(i).encode(segmentTexts);
      buffers[2 * i] = header(payload);
      buffers[2 * i + 1] = ByteBuffer.wrap(payload);
    }
    return buffers;
  }

  /** What precedes a record's payload in a segment: its length and its CRC-32C. */
  static ByteBuffer header(byte[] payload) {
    return ByteBuffer.allocate(HEADER_BYTES).putInt(payload.length).putInt(crc(payload)).flip();
  }

  private static int crc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  private static long bytes(ByteBuffer[] buffers) {
    long bytes = 0;
    for (ByteBuffer buffer : buffers) {
      bytes += buffer.remaining();
    }
    return bytes;
  }

  /** The bytes appended since the journal was opened (records and their headers). */
  long appendedBytes() {
    return appendedBytes;
  }

  /** Forces what was appended to the device. */
  synchronized void force() {
    if (segment == null) {
      return;
    }
    try {
      segment.force(false);
    } catch (IOException e) {
      throw new StoreException("Failed to force the journal in " + directory + " to the device", e);
    }
  }

  /**
   * Drops the segments all of whose records have positions up to {@code position} (never the one being written): the
   * first becomes the spare if there is none, the others are deleted.
   */
  synchronized void dropThrough(long position) {
    List<Path> segments = segments();
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (firstPosition(segments.get(i + 1)) > position + 1) {
        return;
      }
      Path dropped = segments.get(i);
      if (!reuseAsSpare(dropped)) {
        delete(dropped);
      }
    }
  }

  /** Deletes every segment and spare: the store's file holds all they held. */
  synchronized void clear() {
    closeSegment();
    segments().forEach(Journal::delete);
    delete(directory.resolve(SPARE));
  }

  @Override
  public synchronized void close() {
    closeSegment();
  }

  /** So that a segment, and the spare it becomes, stays within the limit. */
  private boolean needsNewSegment(long appendBytes) {
    return segment == null || segmentBytes > 0 && segmentBytes + appendBytes > segmentLimit;
  }

  private boolean reuseAsSpare(Path dropped) {
    Path spare = directory.resolve(SPARE);
    try {
      if (Files.exists(spare)) {
        return false;
      }
      Files.move(dropped, spare, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      return false; // deleted instead; the next segment is then a new file
    }
  }

  private void closeSegment() {
    if (segment != null) {
      try {
        segment.close();
      } catch (IOException ignored) {
        // closing a file channel that failed; what it held was forced or is not relied on
      }
      segment = null;
    }
  }

  private void startSegment(long firstPosition) throws IOException {
    closeSegment();
    Path file = directory.resolve("%020d%s".formatted(firstPosition, SUFFIX));
    Path spare = directory.resolve(SPARE);
    if (Files.exists(spare)) {
      Files.move(spare, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      segment = FileChannel.open(file, StandardOpenOption.WRITE);
    } else {
      segment = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    }
    segmentBytes = 0;
    segmentTexts = new SegmentTexts();
    forceDirectory(); // so that the new file's name survives a power cut as well as what is forced into it
  }

  private void forceDirectory() throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException directoriesCannotBeForcedHere) {
      // Windows cannot open a directory as a channel; its file system records the name with the file
    }
  }

  private List<Path> segments() {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    } catch (IOException e) {
      throw new StoreException("Failed to list the journal's segments in " + directory, e);
    }
  }

  private static long firstPosition(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
  }

  /** Reads the segment's records: from its first position on, each the one after the one before. */
  private static void readSegment(Path file, List<JournalRecord> records) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long offset = 0;
      long expected = firstPosition(file);
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      SegmentTexts texts = new SegmentTexts();
      while (offset + HEADER_BYTES <= size) {
        header.clear();
        channel.read(header, offset);
        int length = header.getInt(0);
        int expectedCrc = header.getInt(4);
        if (length < JournalRecord.POSITION_BYTES || offset + HEADER_BYTES + length > size) {
          return; // cut short, or nothing written there yet
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        while (payload.hasRemaining() && channel.read(payload, offset + HEADER_BYTES + payload.position()) >= 0) {
          // reads until full
        }
        if (crc(payload.array()) != expectedCrc) {
          return; // garbled
        }
        if (JournalRecord.positionOf(payload.array()) != expected) {
          // A record of the file's earlier use as another segment. Its texts are numbered as that segment numbered
          // them, so it is not decoded: a number this segment never gave would fail the read, and the start with it.
          return;
        }
        records.add(JournalRecord.decode(payload.array(), texts));
        expected++;
        offset += HEADER_BYTES + length;
      }
    } catch (IOException e) {
      throw new StoreException("Failed to read the journal segment " + file, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new StoreException("Failed to delete the journal segment " + file, e);
    }
  }
}
