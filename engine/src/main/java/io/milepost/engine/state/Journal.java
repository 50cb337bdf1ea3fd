package io.milepost.engine.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The journal's files: {@link JournalRecord}s appended in the order their transactions committed, to segment files
 * named after their first record's position. A record is its payload's length, its CRC-32C and the payload: a record
 * cut short or garbled (the append a crash interrupted) ends what is read of its segment. Segments whose records the
 * store's file holds are deleted ({@link #dropThrough}). Safe for the checkpoint's thread that appends and the store's
 * that deletes.
 */
final class Journal implements AutoCloseable {

  /** A segment is closed and a new one started once it has grown past this. */
  static final long SEGMENT_BYTES = 64L << 20;
  private static final String SUFFIX = ".journal";
  private static final int HEADER_BYTES = 8;

  private final Path directory;
  private final long segmentLimit;
  private FileChannel segment;
  private long segmentBytes;

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
      if (segment == null || segmentBytes > segmentLimit) {
        startSegment(records.getFirst().position());
      }
      List<ByteBuffer> buffers = new ArrayList<>(records.size() * 2);
      for (JournalRecord record : records) {
        byte[] payload = record.encode();
        CRC32C crc = new CRC32C();
        crc.update(payload);
        buffers.add(ByteBuffer.allocate(HEADER_BYTES).putInt(payload.length).putInt((int) crc.getValue()).flip());
        buffers.add(ByteBuffer.wrap(payload));
      }
      ByteBuffer[] all = buffers.toArray(ByteBuffer[]::new);
      long remaining = buffers.stream().mapToLong(ByteBuffer::remaining).sum();
      while (remaining > 0) {
        long written = segment.write(all);
        remaining -= written;
        segmentBytes += written;
      }
    } catch (IOException e) {
      close(); // what comes next goes to a new segment, not after a record this append may have cut short
      throw new StoreException("Failed to append " + records.size() + " commits to the journal in " + directory, e);
    }
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

  /** Deletes the segments all of whose records have positions up to {@code position} (never the one being written). */
  synchronized void dropThrough(long position) {
    List<Path> segments = segments();
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (firstPosition(segments.get(i + 1)) > position + 1) {
        return;
      }
      delete(segments.get(i));
    }
  }

  /** Deletes every segment: the store's file holds all they held. */
  synchronized void clear() {
    close();
    segments().forEach(this::delete);
  }

  @Override
  public synchronized void close() {
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
    close();
    Path file = directory.resolve("%020d%s".formatted(firstPosition, SUFFIX));
    segment = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    segmentBytes = 0;
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

  private static void readSegment(Path file, List<JournalRecord> records) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long offset = 0;
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      while (offset + HEADER_BYTES <= size) {
        header.clear();
        channel.read(header, offset);
        int length = header.getInt(0);
        int expectedCrc = header.getInt(4);
        if (length < 0 || offset + HEADER_BYTES + length > size) {
          return; // cut short
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        while (payload.hasRemaining() && channel.read(payload, offset + HEADER_BYTES + payload.position()) >= 0) {
          // reads until full
        }
        CRC32C crc = new CRC32C();
        crc.update(payload.array());
        if ((int) crc.getValue() != expectedCrc) {
          return; // garbled
        }
        records.add(JournalRecord.decode(payload.array()));
        offset += HEADER_BYTES + length;
      }
    } catch (IOException e) {
      throw new StoreException("Failed to read the journal segment " + file, e);
    }
  }

  private void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new StoreException("Failed to delete the journal segment " + file, e);
    }
  }
}
