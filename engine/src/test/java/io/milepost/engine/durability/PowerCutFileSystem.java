package io.milepost.engine.durability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:powercut:/path}) that keeps, beside each file, what a power cut would
 * leave of it: only the writes that a {@code force} made durable. {@link #afterPowerCut} writes that image
 * out, to open a store as the device would hold it.
 */
public final class PowerCutFileSystem extends FilePathWrapper {

  /** H2 makes its file systems by reflection. */
  public PowerCutFileSystem() {}

  private static final Map<String, DurableImage> IMAGES = new ConcurrentHashMap<>();

  static void register() {
    FilePath.register(new PowerCutFileSystem());
  }

  /** Writes what the device holds of {@code file} (a path without the scheme) to {@code copy}. */
  static void afterPowerCut(Path file, Path copy) throws IOException {
    DurableImage image = IMAGES.get(file.toString());
    Files.write(copy, image == null ? new byte[0] : image.bytes());
  }

  @Override
  public String getScheme() {
    return "powercut";
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    String file = getBase().toString();
    return new Channel(getBase().open(mode), IMAGES.computeIfAbsent(file, name -> new DurableImage()));
  }

  /** The bytes a force made durable, and the writes since. */
  private static final class DurableImage {
    private byte[] durable = new byte[0];
    private final List<Object[]> pending = new ArrayList<>();
    private Long pendingLength;

    synchronized void written(long position, byte[] bytes) {
      pending.add(new Object[] {position, bytes});
    }

    synchronized void truncated(long length) {
      pending.add(new Object[] {-1L, null});
      pendingLength = length;
    }

    synchronized void forced() {
      for (Object[] write : pending) {
        long position = (Long) write[0];
        if (position < 0) {
          durable = Arrays.copyOf(durable, (int) Math.min(durable.length, pendingLength));
          continue;
        }
        byte[] bytes = (byte[]) write[1];
        if (durable.length < position + bytes.length) {
          durable = Arrays.copyOf(durable, (int) position + bytes.length);
        }
        System.arraycopy(bytes, 0, durable, (int) position, bytes.length);
      }
      pending.clear();
    }

    synchronized byte[] bytes() {
      return durable.clone();
    }
  }

  private static final class Channel extends FileBase {
    private final FileChannel file;
    private final DurableImage image;

    Channel(FileChannel file, DurableImage image) {
      this.file = file;
      this.image = image;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return file.read(dst);
    }

    @Override
    public synchronized int read(ByteBuffer dst, long position) throws IOException {
      return file.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      long position = file.position();
      byte[] bytes = copy(src);
      image.written(position, bytes);
      return file.write(ByteBuffer.wrap(bytes));
    }

    @Override
    public synchronized int write(ByteBuffer src, long position) throws IOException {
      byte[] bytes = copy(src);
      image.written(position, bytes);
      return file.write(ByteBuffer.wrap(bytes), position);
    }

    private static byte[] copy(ByteBuffer src) {
      byte[] bytes = new byte[src.remaining()];
      src.get(bytes);
      return bytes;
    }

    @Override
    public long position() throws IOException {
      return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      file.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      image.truncated(size);
      file.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      file.force(metaData);
      image.forced();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      file.close();
    }
  }
}
