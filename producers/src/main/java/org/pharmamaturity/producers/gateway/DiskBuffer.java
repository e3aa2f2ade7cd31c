package org.pharmamaturity.producers.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The gateway's store-and-forward buffer: an on-disk FIFO of byte entries bounded by size, that survives a
 * restart. Entries are appended to segment files ({@code <position>.seg}, each entry {@code length, crc32, bytes})
 * and fsynced before {@link #append} returns (or, written with {@link #write}, by the next {@link #force}), so an
 * acknowledged MQTT message is on disk; the forwarder reads from
 * the committed position and {@link #commit commits} past what Kafka acknowledged (the position file is replaced
 * atomically and fsynced); segments wholly before it are deleted. On open, a torn last entry (a crash during a
 * write) is cut off.
 *
 * <p>Written by hand because no library on Maven Central fits: Square's Tape 2 (QueueFile) exists only as a beta and
 * has no size bound, and Chronicle Queue rolls files by time, keeps them until deleted by the caller and needs
 * {@code --add-opens} flags on Java 21.
 */
public final class DiskBuffer implements AutoCloseable {

    /** Bytes of an entry's header: its length and CRC-32. */
    static final int HEADER = 8;
    private static final String SEGMENT_SUFFIX = ".seg";
    private static final String COMMITTED = "committed";

    private final Path directory;
    private final long capacityBytes;
    private final long segmentBytes;
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel appendChannel;
    private long appendSegmentBase;
    private long head;
    private long tail;

    private DiskBuffer(Path directory, long capacityBytes) {
        this.directory = directory;
        this.capacityBytes = capacityBytes;
        this.segmentBytes = Math.max(4096, capacityBytes / 16);
    }

    /** Opens (or creates) the buffer in {@code directory}, holding at most {@code capacityBytes} of unsent entries. */
    public static DiskBuffer open(Path directory, long capacityBytes) {
        DiskBuffer buffer = new DiskBuffer(directory, capacityBytes);
        try {
            buffer.recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the gateway buffer in " + directory
                    + "; check the directory is writable (--buffer-dir)", e);
        }
        return buffer;
    }

    /** One entry read from the buffer, with the position just after it (what to commit once it was sent). */
    public record Entry(long position, long next, byte[] bytes) {
    }

    /** Unsent bytes (headers included), at most the capacity. */
    public synchronized long usedBytes() {
        return tail - head;
    }

    /** The size bound given at open. */
    public long capacityBytes() {
        return capacityBytes;
    }

    /** True when no unsent entry is waiting. */
    public synchronized boolean isEmpty() {
        return head == tail;
    }

    /** True when {@code size} bytes of entry do not fit beside what waits. */
    public synchronized boolean wouldOverflow(int size) {
        return tail - head + HEADER + size > capacityBytes;
    }

    /**
     * Appends {@code entry} and forces it to disk; false, with nothing written, when it does not fit (see
     * {@link #dropOldest}).
     */
    public synchronized boolean append(byte[] entry) {
        if (!write(entry)) {
            return false;
        }
        force();
        return true;
    }

    /**
     * Appends {@code entry} without forcing it to disk, so that many entries share one {@link #force} (group
     * commit); false, with nothing written, when it does not fit.
     */
    public synchronized boolean write(byte[] entry) {
        if (wouldOverflow(entry.length)) {
            return false;
        }
        try {
            if (appendChannel == null || tail - appendSegmentBase >= segmentBytes) {
                rollSegment();
            }
            CRC32 crc = new CRC32();
            crc.update(entry);
            ByteBuffer buffer = ByteBuffer.allocate(HEADER + entry.length);
            buffer.putInt(entry.length).putInt((int) crc.getValue()).put(entry).flip();
            while (buffer.hasRemaining()) {
                appendChannel.write(buffer);
            }
            tail += HEADER + entry.length;
            notifyAll();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the gateway buffer in " + directory, e);
        }
    }

    /**
     * Forces every entry written so far to disk; when it returns they survive a crash. It does not hold the buffer's
     * lock while the disk works, so writes go on meanwhile (they are forced by the next call).
     */
    public void force() {
        FileChannel channel;
        synchronized (this) {
            channel = appendChannel;
        }
        if (channel == null) {
            return;
        }
        try {
            channel.force(false);
        } catch (ClosedChannelException rolled) {
            // The segment was closed by a roll to the next one, which forced it first.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force the gateway buffer in " + directory + " to disk", e);
        }
    }

    /** Up to {@code max} entries from the committed position on, oldest first (empty when none waits). */
    public synchronized List<Entry> peek(int max) {
        List<Entry> entries = new ArrayList<>();
        long position = head;
        try {
            while (entries.size() < max && position < tail) {
                Map.Entry<Long, Path> segment = segments.floorEntry(position);
                try (FileChannel channel = FileChannel.open(segment.getValue(), StandardOpenOption.READ)) {
                    long end = Math.min(tail, segment.getKey() + channel.size());
                    while (entries.size() < max && position < end) {
                        byte[] bytes = readEntry(channel, position - segment.getKey());
                        long next = position + HEADER + bytes.length;
                        entries.add(new Entry(position, next, bytes));
                        position = next;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gateway buffer in " + directory, e);
        }
        return entries;
    }

    /** Waits up to {@code millis} for an entry to be appended when the buffer is empty. */
    public synchronized void awaitEntries(long millis) throws InterruptedException {
        if (head == tail) {
            wait(millis);
        }
    }

    /** Marks everything before {@code position} as sent; durable before it returns. */
    public synchronized void commit(long position) {
        if (position <= head) {
            return;
        }
        head = Math.min(position, tail);
        try {
            writeCommitted();
            deleteSentSegments();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the sent position of the gateway buffer in " + directory, e);
        }
        notifyAll();
    }

    /** Drops the oldest entries until {@code size} bytes of entry fit; returns how many were dropped. */
    public synchronized int dropOldest(int size) {
        int dropped = 0;
        while (wouldOverflow(size) && head < tail) {
            commit(peek(1).getFirst().next());
            dropped++;
        }
        return dropped;
    }

    /** Waits up to {@code millis} for room for {@code size} bytes; true when there is room. */
    public synchronized boolean awaitRoom(int size, long millis) throws InterruptedException {
        if (wouldOverflow(size)) {
            wait(millis);
        }
        return !wouldOverflow(size);
    }

    @Override
    public synchronized void close() {
        try {
            if (appendChannel != null) {
                appendChannel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the gateway buffer in " + directory, e);
        }
    }

    private void recover() throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(SEGMENT_SUFFIX)).forEach(file -> {
                String name = file.getFileName().toString();
                segments.put(Long.parseLong(name.substring(0, name.length() - SEGMENT_SUFFIX.length())), file);
            });
        }
        Path committed = directory.resolve(COMMITTED);
        head = Files.exists(committed) ? Long.parseLong(Files.readString(committed).trim()) : 0;
        if (segments.isEmpty()) {
            tail = head;
            return;
        }
        head = Math.max(head, segments.firstKey());
        Map.Entry<Long, Path> last = segments.lastEntry();
        appendSegmentBase = last.getKey();
        appendChannel = FileChannel.open(last.getValue(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        long valid = validLength(appendChannel);
        appendChannel.truncate(valid);
        appendChannel.position(valid);
        tail = appendSegmentBase + valid;
        head = Math.min(head, tail);
    }

    /** The length of the segment's prefix made of whole entries whose CRC matches. */
    private static long validLength(FileChannel channel) throws IOException {
        long offset = 0;
        long size = channel.size();
        while (offset + HEADER <= size) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            channel.read(header, offset);
            header.flip();
            int length = header.getInt();
            int expected = header.getInt();
            if (length < 0 || offset + HEADER + length > size) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            channel.read(body, offset + HEADER);
            CRC32 crc = new CRC32();
            crc.update(body.array());
            if ((int) crc.getValue() != expected) {
                break;
            }
            offset += HEADER + length;
        }
        return offset;
    }

    private static byte[] readEntry(FileChannel channel, long offset) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(channel, header, offset);
        int length = header.getInt(0);
        ByteBuffer body = ByteBuffer.allocate(length);
        readFully(channel, body, offset + HEADER);
        return body.array();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long offset) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("unexpected end of a buffer segment at " + offset);
            }
        }
    }

    private void rollSegment() throws IOException {
        if (appendChannel != null) {
            appendChannel.force(false);
            appendChannel.close();
        }
        Path file = directory.resolve(String.format("%020d%s", tail, SEGMENT_SUFFIX));
        appendChannel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        appendChannel.position(appendChannel.size());
        appendSegmentBase = tail;
        segments.put(tail, file);
    }

    private void writeCommitted() throws IOException {
        Path temporary = directory.resolve(COMMITTED + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(Long.toString(head).getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Files.move(temporary, directory.resolve(COMMITTED), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void deleteSentSegments() throws IOException {
        while (segments.size() > 1 && segments.higherKey(segments.firstKey()) <= head) {
            Files.deleteIfExists(segments.pollFirstEntry().getValue());
        }
    }
}
