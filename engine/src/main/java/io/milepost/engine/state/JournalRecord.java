package io.milepost.engine.state;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One committed transaction as the journal keeps it: its position (the store's {@code journal_position} holds the last
 * one applied) and the statements it ran, each with the arguments of each of its rows, so that running them again on
 * the store as it stood before the transaction gives the same rows. The writer's statements take their values from
 * their arguments (keys come from the key generator, times from the engine's clock); the one exception is the event
 * log's position, which H2's identity column gives: a row run again may get a higher one than it had. Anyone else's
 * transaction is kept as the rows it wrote to journaled tables ({@link JournaledTableTrigger}), keys included.
 */
record JournalRecord(long position, List<Statement> statements) {

  /** A statement and the arguments of each row it ran for (one row for an update, several for a batch). */
  record Statement(String sql, List<Object[]> rows) {}

  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte INTEGER = 2;
  private static final byte STRING = 3;
  private static final byte BOOLEAN = 4;
  private static final byte DOUBLE = 5;
  private static final byte BYTES = 6;
  private static final byte DECIMAL = 7;
  private static final byte SHORT = 8;
  private static final byte OFFSET_DATE_TIME = 9;

  /** The record's bytes in a segment that holds {@code texts} so far (which this adds its new texts to). */
  byte[] encode(SegmentTexts texts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(position);
      out.writeInt(statements.size());
      for (Statement statement : statements) {
        writeText(out, statement.sql(), texts);
        out.writeInt(statement.rows().size());
        for (Object[] row : statement.rows()) {
          out.writeInt(row.length);
          for (Object arg : row) {
            writeArgument(out, arg);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /** A record's bytes start with its position, so that a reader can check it before decoding the rest. */
  static final int POSITION_BYTES = Long.BYTES;

  /** The position of the record in {@code payload} (at least {@link #POSITION_BYTES} long), without decoding it. */
  static long positionOf(byte[] payload) {
    return ByteBuffer.wrap(payload).getLong();
  }

  /** The record in {@code payload}, read after the records before it in its segment, whose texts {@code texts} holds. */
  static JournalRecord decode(byte[] payload, SegmentTexts texts) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
    long position = in.readLong();
    int statementCount = in.readInt();
    List<Statement> statements = new ArrayList<>(statementCount);
    for (int s = 0; s < statementCount; s++) {
      String sql = readText(in, texts);
      int rowCount = in.readInt();
      List<Object[]> rows = new ArrayList<>(rowCount);
      for (int r = 0; r < rowCount; r++) {
        Object[] row = new Object[in.readInt()];
        for (int a = 0; a < row.length; a++) {
          row[a] = readArgument(in);
        }
        rows.add(row);
      }
      statements.add(new Statement(sql, rows));
    }
    return new JournalRecord(position, statements);
  }

  /** Whether {@code arg} can be journaled: checked where the writer binds it, so a new type fails in its test. */
  static Object journalable(Object arg) {
    return switch (arg) {
      case null -> null;
      case Enum<?> e -> e.name(); // bound as its name (Sql)
      case Long l -> l;
      case Integer i -> i;
      case Short s -> s;
      case String s -> s;
      case Boolean b -> b;
      case Double d -> d;
      case byte[] b -> b.clone();
      case BigDecimal d -> d;
      case OffsetDateTime t -> t; // engine-host's times (TIMESTAMP WITH TIME ZONE, as H2 hands them to its triggers)
      default -> throw new IllegalArgumentException("Expected a statement argument the journal can keep (a number, "
          + "text, a boolean, bytes, a time with its offset or null), but found a " + arg.getClass().getName());
    };
  }

  private static void writeArgument(DataOutputStream out, Object arg) throws IOException {
    switch (arg) {
      case null -> out.writeByte(NULL);
      case Long l -> {
        out.writeByte(LONG);
        out.writeLong(l);
      }
      case Integer i -> {
        out.writeByte(INTEGER);
        out.writeInt(i);
      }
      case Short s -> {
        out.writeByte(SHORT);
        out.writeShort(s);
      }
      case String s -> {
        out.writeByte(STRING);
        writeString(out, s);
      }
      case Boolean b -> {
        out.writeByte(BOOLEAN);
        out.writeBoolean(b);
      }
      case Double d -> {
        out.writeByte(DOUBLE);
        out.writeDouble(d);
      }
      case byte[] b -> {
        out.writeByte(BYTES);
        out.writeInt(b.length);
        out.write(b);
      }
      case BigDecimal d -> {
        out.writeByte(DECIMAL);
        writeString(out, d.toString());
      }
      case OffsetDateTime t -> {
        out.writeByte(OFFSET_DATE_TIME);
        writeString(out, t.toString());
      }
      default -> throw new IllegalArgumentException("Unexpected journal argument " + arg.getClass().getName());
    }
  }

  private static Object readArgument(DataInputStream in) throws IOException {
    byte type = in.readByte();
    return switch (type) {
      case NULL -> null;
      case LONG -> in.readLong();
      case INTEGER -> in.readInt();
      case SHORT -> in.readShort();
      case STRING -> readString(in);
      case BOOLEAN -> in.readBoolean();
      case DOUBLE -> in.readDouble();
      case BYTES -> in.readNBytes(in.readInt());
      case DECIMAL -> new BigDecimal(readString(in));
      case OFFSET_DATE_TIME -> OffsetDateTime.parse(readString(in));
      default -> throw new IOException("Expected an argument type from 0 to 9 in the journal, but found " + type);
    };
  }

  /**
   * A statement's text: whole (its length, 0 or more, then UTF-8) the first time in its segment, else as {@code -1 -}
   * its number there (see {@link SegmentTexts}). Segments written before texts were numbered hold only whole texts.
   */
  private static void writeText(DataOutputStream out, String sql, SegmentTexts texts) throws IOException {
    int number = texts.numberOf(sql);
    if (number >= 0) {
      out.writeInt(-1 - number);
    } else {
      writeString(out, sql);
      texts.add(sql);
    }
  }

  private static String readText(DataInputStream in, SegmentTexts texts) throws IOException {
    int length = in.readInt();
    if (length >= 0) {
      String sql = utf8(in, length);
      texts.add(sql);
      return sql;
    }
    String sql = texts.text(-1 - length);
    if (sql == null) {
      throw new IOException("Expected a statement text the segment held before (number " + (-1 - length)
          + "), but it holds " + (texts.size()) + " texts");
    }
    return sql;
  }

  /** Unlike {@code writeUTF}, not limited to 64 KB (a variable's JSON can be longer). */
  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    return utf8(in, in.readInt());
  }

  private static String utf8(DataInputStream in, int length) throws IOException {
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
