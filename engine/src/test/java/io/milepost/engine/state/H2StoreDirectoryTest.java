package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the free-disk watermark measures: the directory of the H2 file, whatever file system prefixes the URL has. */
class H2StoreDirectoryTest {

  @Test
  void shouldFindTheDirectoryBehindFileSystemPrefixes() {
    assertThat(H2StoreDirectory.fromUrl("jdbc:h2:file:/data/milepost;WRITE_DELAY=500")).contains(Path.of("/data"));
    assertThat(H2StoreDirectory.fromUrl("jdbc:h2:/data/milepost")).contains(Path.of("/data"));
    assertThat(H2StoreDirectory.fromUrl("jdbc:h2:powercut:/tmp/run/live")).contains(Path.of("/tmp/run"));
    assertThat(H2StoreDirectory.fromUrl("jdbc:h2:split:nio:/var/lib/milepost/db")).contains(Path.of("/var/lib/milepost"));
    assertThat(H2StoreDirectory.fromUrl("jdbc:h2:./data/milepost"))
        .contains(Path.of("./data/milepost").toAbsolutePath().getParent());
  }

  @Test
  void shouldFindNoDirectoryForAStoreNotOnALocalDisk() {
    assertThat(H2StoreDirectory.fromUrl("jdbc:h2:mem:engine;DB_CLOSE_DELAY=-1")).isEmpty();
    assertThat(H2StoreDirectory.fromUrl("jdbc:h2:memFS:engine")).isEmpty();
    assertThat(H2StoreDirectory.fromUrl("jdbc:h2:tcp://db.example:9092/~/milepost")).isEmpty();
    assertThat(H2StoreDirectory.fromUrl("jdbc:postgresql://127.0.0.1:5432/test")).isEmpty();
  }
}
