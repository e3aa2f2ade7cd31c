package org.pharmamaturity.streams.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.pharmamaturity.streams.config.ServiceSettings;

/**
 * Checks at start-up that the state directory can hold the state stores: it is a directory (created when missing),
 * a small file can be written to it and synced, and its disk has the configured free space. Without this check a
 * bad directory shows up as a Kafka Streams or RocksDB stack trace, or a full disk as a store failing in the middle
 * of a transaction.
 */
public final class StateDirectoryCheck {

    /** A RocksDB write-ahead or options file is a few KiB: a probe of this size is the least a store needs. */
    private static final int PROBE_BYTES = 8 * 1024;
    private static final String PROBE_FILE = ".maturity-write-probe";
    private static final String ELSEWHERE = "or set another directory";

    private StateDirectoryCheck() {
    }

    /** Throws a {@link StateDirectoryException} unless {@code directory} is usable with {@code minFreeBytes} free. */
    public static void check(Path directory, long minFreeBytes) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new StateDirectoryException(directory, "is a file, not a directory",
                    "move the file away " + ELSEWHERE);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StateDirectoryException(directory, "does not exist and cannot be created (" + reason(e) + ")",
                    "create it, writable by the service's user, " + ELSEWHERE);
        }
        try {
            probe(directory.resolve(PROBE_FILE));
        } catch (IOException e) {
            throw new StateDirectoryException(directory, "cannot be written to (" + reason(e) + ")",
                    "make it writable by the service's user and free space on its disk, " + ELSEWHERE);
        }
        long free = usableSpace(directory);
        if (free < minFreeBytes) {
            throw new StateDirectoryException(directory, "has " + mebibytes(free) + " MiB free, less than "
                    + ServiceSettings.STATE_MIN_FREE_MB + " = " + mebibytes(minFreeBytes),
                    "free space on its disk " + ELSEWHERE + " on a larger one");
        }
    }

    /** Writes, syncs and deletes a small file: the disk accepts a write, not only a directory entry. */
    private static void probe(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.allocate(PROBE_BYTES);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long usableSpace(Path directory) {
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            throw new StateDirectoryException(directory, "is on a disk whose free space cannot be read (" + reason(e)
                    + ")", "check the disk " + ELSEWHERE);
        }
    }

    private static long mebibytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** The cause in words: the JDK's messages for these two are only the path. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "a file is in the way: " + exists.getFile();
        }
        return e.getMessage();
    }
}
