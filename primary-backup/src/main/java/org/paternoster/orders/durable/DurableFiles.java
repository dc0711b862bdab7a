package org.paternoster.orders.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** fsync helpers. Linux semantics assumed: a directory can be opened for reading and forced. */
final class DurableFiles {
  private DurableFiles() {}

  /**
   * Replaces {@code target} by a file holding exactly {@code content}, durably: write a temp file
   * in the same directory, fsync it, rename it over {@code target}, fsync the directory. A crash
   * at any point leaves {@code target} either wholly old (or absent) or wholly new, never mixed,
   * because the rename is atomic and happens only after the new bytes are on disk; after the
   * directory fsync the new one survives power loss too. A stale temp file left by a crash is
   * simply overwritten next time.
   */
  static void replaceAtomically(Path target, byte[] content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      writeFully(ch, ByteBuffer.wrap(content));
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsyncDirectory(target.getParent());
  }

  /** Makes the directory's entries (creations, renames, deletions) durable. */
  static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) ch.write(buf);
  }

  /** Writes all of {@code buf} at {@code position} (the channel's own position does not move). */
  static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    while (buf.hasRemaining()) position += ch.write(buf, position);
  }

  /**
   * Creates {@code dir} if missing (fsyncing its parent, so a new directory survives power loss)
   * and takes an exclusive lock on {@code dir/lock}, held until the returned channel is closed: two
   * processes writing one log would corrupt it.
   */
  static FileChannel createAndLock(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null) fsyncDirectory(parent);
    }
    FileChannel lock = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (lock.tryLock() == null) throw new IOException("data dir " + dir + " is in use by another process");
      return lock;
    } catch (IOException | OverlappingFileLockException e) {
      lock.close();
      throw e instanceof IOException io ? io : new IOException("data dir " + dir + " is already open in this JVM", e);
    }
  }
}
