package org.paternoster.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small file replaced atomically and durably: write a temp file, fsync it, rename it over the
 * target, fsync the directory. After {@link #write} returns, a crash or power loss leaves either
 * the old or the new content, never a mix, never nothing. Blocking; callers own the thread.
 */
public final class AtomicFile {
  private static final Logger log = LoggerFactory.getLogger(AtomicFile.class);

  private final Path file;
  private final Path temp;

  public AtomicFile(Path file) {
    this.file = file;
    this.temp = file.resolveSibling(file.getFileName() + ".tmp");
  }

  public Path path() {
    return file;
  }

  public Optional<String> read() throws IOException {
    if (!Files.exists(file)) return Optional.empty();
    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
  }

  public void write(String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) out.write(bytes);
      out.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the directory does not support atomic rename: " + dir, e);
    }
    forceDirectory(dir);
  }

  /** Makes the rename itself durable (POSIX); where a directory cannot be opened it is skipped. */
  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (UnsupportedOperationException | AccessDeniedException e) {
      log.debug("cannot fsync directory {} on this platform", dir);
    }
  }
}
