package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  @TempDir
  Path directory;

  @Test
  void shouldReadBackEveryRecordInOrderAcrossSegments() {
    // given a journal whose segments close after 200 bytes
    try (Journal journal = Journal.open(directory, 200)) {
      // when records are appended in several appends
      for (long position = 1; position <= 9; position += 3) {
        journal.append(LongStream.range(position, position + 3).mapToObj(JournalTest::record).toList());
      }
      journal.force();

      // then they read back whole and in order, from more than one segment
      assertThat(journal.read()).extracting(JournalRecord::position)
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
      assertThat(journal.read().get(4).statements().getFirst().rows().getFirst())
          .containsExactly(5L, "text ü", null, true, 2.5, 7, (short) 3);
      assertThat(segments()).hasSizeGreaterThan(1);
      // and what the journal says it wrote is what its files hold
      long fileBytes = segments().stream().mapToLong(JournalTest::size).sum();
      assertThat(journal.appendedBytes()).as("bytes appended").isPositive().isEqualTo(fileBytes);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void shouldEndAtARecordACrashCutShort() throws IOException {
    // given a journal whose last append (in a segment of its own, as after a restart) a crash cut short
    try (Journal journal = Journal.open(directory)) {
      journal.append(List.of(record(1), record(2)));
    }
    try (Journal journal = Journal.open(directory)) {
      journal.append(List.of(record(3)));
    }
    try (FileChannel channel = FileChannel.open(segments().getLast(), StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(segments().getLast()) - 5);
    }

    // then what is read are the whole records before it
    try (Journal journal = Journal.open(directory)) {
      assertThat(journal.read()).extracting(JournalRecord::position).containsExactly(1L, 2L);
    }
  }

  @Test
  void shouldEndAtAGarbledRecord() throws IOException {
    // given a journal whose second record's bytes changed on the device
    try (Journal journal = Journal.open(directory)) {
      journal.append(List.of(record(1), record(2), record(3)));
    }
    Path segment = segments().getFirst();
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(segment, bytes);

    // then the records before it are read, and none after it
    try (Journal journal = Journal.open(directory)) {
      assertThat(journal.read()).extracting(JournalRecord::position).containsExactly(1L);
    }
  }

  @Test
  void shouldDeleteTheSegmentsTheStoreHolds() {
    // given three closed segments (records 1-3, 4-6, 7-9) and the one being written (10)
    try (Journal journal = Journal.open(directory, 100)) {
      for (long position = 1; position <= 10; position += 3) {
        journal.append(LongStream.range(position, Math.min(position + 3, 11)).mapToObj(JournalTest::record).toList());
      }
      assertThat(segments()).hasSize(4);

      // when the store holds everything up to 7
      journal.dropThrough(7);

      // then the segments of 1-3 and 4-6 are gone; 7-9 still holds 8 and 9
      assertThat(journal.read()).extracting(JournalRecord::position).containsExactly(7L, 8L, 9L, 10L);

      // and once it holds all, only the segment being written stays
      journal.dropThrough(10);
      assertThat(segments()).hasSize(1);
    }
  }

  @Test
  void shouldRefuseToRecoverWhenCommitsAreMissing() throws Exception {
    // given a store at position 0 and a journal that starts at 3
    try (Journal journal = Journal.open(directory.resolve("journal"))) {
      journal.append(List.of(record(3)));
    }
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:recover-gap");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE journal_position (id INT PRIMARY KEY, position BIGINT NOT NULL)");
      statement.execute("INSERT INTO journal_position VALUES (1, 0)");

      // then recovery refuses, saying which commits are missing, and leaves the journal
      assertThatThrownBy(() -> CommitJournal.recover(connection, Journal.open(directory.resolve("journal"))))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("to hold commit 1 next (the store's file holds those up to 0), but found commit 3");
      assertThat(directory.resolve("journal")).isNotEmptyDirectory();
    }
  }

  @Test
  void shouldWriteTheNextSegmentIntoADroppedOneWithoutReadingWhatItHeldBefore() throws IOException {
    // given a segment holding 1 to 7 and a second one holding 8 to 10
    long segmentBytes = segmentBytes(8);
    try (Journal journal = Journal.open(directory, segmentBytes)) {
      journal.append(LongStream.rangeClosed(1, 7).mapToObj(JournalTest::record).toList());
      journal.append(LongStream.rangeClosed(8, 10).mapToObj(JournalTest::record).toList());
      assertThat(segments()).hasSize(2);

      // when the store holds up to 7: the first segment's file is kept for the next one, its records still in it
      journal.dropThrough(7);
      assertThat(segments()).hasSize(1);
      assertThat(directory.resolve("next.journal-spare")).hasSize(segmentBytes(7));

      // and the next segment is written into that file, six records over the seven it held
      journal.append(LongStream.rangeClosed(11, 16).mapToObj(JournalTest::record).toList());
      assertThat(segments()).hasSize(2);
      assertThat(directory.resolve("next.journal-spare")).doesNotExist();

      // then the file did not grow (so forcing it writes no new size), and what is read from it are the records
      // written since, not the earlier 7 that follows them
      assertThat(segments().getLast()).hasSize(segmentBytes(7));
      assertThat(journal.read()).extracting(JournalRecord::position)
          .containsExactly(8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L);
    }
    try (Journal journal = Journal.open(directory, segmentBytes)) {
      assertThat(journal.read()).extracting(JournalRecord::position).endsWith(15L, 16L).hasSize(9);
    }
  }

  @Test
  void shouldClearTheSpareWithTheSegments() {
    // given a journal with a segment and a dropped one kept for the next
    try (Journal journal = Journal.open(directory, segmentBytes(2))) {
      journal.append(List.of(record(1), record(2)));
      journal.append(List.of(record(3)));
      journal.dropThrough(2);
      assertThat(directory.resolve("next.journal-spare")).exists();

      // when it is cleared (the store's file holds everything)
      journal.clear();

      // then nothing of it is left
      assertThat(directory).isEmptyDirectory();
    }
  }

  @Test
  void shouldWriteAStatementsTextWholeOnlyOncePerSegment() {
    // given records that all run the same statement, in two appends
    try (Journal journal = Journal.open(directory)) {
      journal.append(LongStream.rangeClosed(1, 3).mapToObj(JournalTest::record).toList());
      journal.append(LongStream.rangeClosed(4, 5).mapToObj(JournalTest::record).toList());

      // then the segment holds the text once, each later record its number instead
      String text = record(1).statements().getFirst().sql();
      assertThat(segmentBytes(5)).isEqualTo(5 * recordBytesWithTheTextWhole() - 4L * text.length());
      assertThat(segments().getFirst()).hasSize(segmentBytes(5));
      // and the records read back with their text
      assertThat(journal.read()).hasSize(5)
          .allSatisfy(record -> assertThat(record.statements().getFirst().sql()).isEqualTo(text));
    }
  }

  @Test
  void shouldReadASegmentWrittenBeforeTextsWereNumbered() throws IOException {
    // given a segment as the journal wrote them before: every record with its statement's text whole
    writeSegment(1, LongStream.rangeClosed(1, 3).mapToObj(position -> record(position).encode(new SegmentTexts())));

    // then it reads back whole
    try (Journal journal = Journal.open(directory)) {
      assertThat(journal.read()).extracting(JournalRecord::position).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void shouldEndAtARecordOfTheFilesEarlierUseWhoseTextsItNeverNumbered() throws IOException {
    // given a segment written into a dropped one's file: records 1 and 2, then, where a record of the file's earlier
    // use starts, that record intact, its statement's text given as a number the earlier segment had reached
    SegmentTexts earlierSegment = new SegmentTexts();
    earlierSegment.add("DELETE FROM t WHERE k = ?");
    earlierSegment.add("INSERT INTO t (k) VALUES (?)");
    earlierSegment.add(record(1).statements().getFirst().sql());
    SegmentTexts segment = new SegmentTexts();
    writeSegment(1, Stream.of(record(1).encode(segment), record(2).encode(segment), record(40).encode(earlierSegment)));

    // then the segment's own records are read, and the start does not fail on the one after them
    try (Journal journal = Journal.open(directory)) {
      assertThat(journal.read()).extracting(JournalRecord::position).containsExactly(1L, 2L);
    }
  }

  /** Writes a segment starting at {@code firstPosition} that holds {@code payloads} as the journal frames records. */
  private void writeSegment(long firstPosition, Stream<byte[]> payloads) throws IOException {
    try (FileChannel segment = FileChannel.open(directory.resolve("%020d.journal".formatted(firstPosition)),
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (byte[] payload : (Iterable<byte[]>) payloads::iterator) {
        segment.write(Journal.header(payload));
        segment.write(ByteBuffer.wrap(payload));
      }
    }
  }

  /** The bytes {@code records} records of {@link #record} take in a segment of their own. */
  private static long segmentBytes(int records) {
    SegmentTexts texts = new SegmentTexts();
    long bytes = 0;
    for (long position = 1; position <= records; position++) {
      bytes += 8 + record(position).encode(texts).length;
    }
    return bytes;
  }

  private static int recordBytesWithTheTextWhole() {
    return 8 + record(1).encode(new SegmentTexts()).length;
  }

  private List<Path> segments() {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.toString().endsWith(".journal")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JournalRecord record(long position) {
    return new JournalRecord(position, List.of(new JournalRecord.Statement("UPDATE t SET a = ? WHERE k = ?",
        List.<Object[]>of(new Object[] {position, "text ü", null, true, 2.5, 7, (short) 3}))));
  }
}
