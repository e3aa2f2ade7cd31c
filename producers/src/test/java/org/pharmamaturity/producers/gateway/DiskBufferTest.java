package org.pharmamaturity.producers.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store-and-forward buffer: order, the size bound, commit, drop-oldest, and what survives a restart. */
class DiskBufferTest {

    @TempDir
    Path dir;

    @Test
    void entriesComeBackInOrderAndCommitRemovesThem() {
        try (DiskBuffer buffer = DiskBuffer.open(dir, 1_000)) {
            buffer.append(bytes("a"));
            buffer.append(bytes("bb"));
            buffer.append(bytes("ccc"));
            // each entry is 8 header bytes plus its own: 9 + 10 + 11 = 30
            assertThat(buffer.usedBytes()).isEqualTo(30);
            List<DiskBuffer.Entry> entries = buffer.peek(10);
            assertThat(entries).extracting(e -> text(e.bytes())).containsExactly("a", "bb", "ccc");
            buffer.commit(entries.get(1).next());
            assertThat(buffer.peek(10)).extracting(e -> text(e.bytes())).containsExactly("ccc");
            assertThat(buffer.usedBytes()).isEqualTo(11);
        }
    }

    @Test
    void aFullBufferRefusesUntilCommittedOrDropped() {
        // capacity 40: three 10-byte entries (18 bytes each with header) would need 54
        try (DiskBuffer buffer = DiskBuffer.open(dir, 40)) {
            assertThat(buffer.append(bytes("0123456789"))).isTrue();
            assertThat(buffer.append(bytes("abcdefghij"))).isTrue();
            assertThat(buffer.append(bytes("ABCDEFGHIJ"))).isFalse();
            assertThat(buffer.dropOldest(10)).isEqualTo(1);
            assertThat(buffer.append(bytes("ABCDEFGHIJ"))).isTrue();
            assertThat(buffer.peek(10)).extracting(e -> text(e.bytes())).containsExactly("abcdefghij", "ABCDEFGHIJ");
        }
    }

    @Test
    void aRestartWithAFullBufferLosesNothingAndRepeatsNothingCommitted() {
        // 4 096-byte segments (the minimum), so 500 entries of 100 bytes span several segment files
        long capacity = 500 * 108;
        try (DiskBuffer buffer = DiskBuffer.open(dir, capacity)) {
            for (int i = 0; i < 500; i++) {
                assertThat(buffer.append(bytes(String.format("%0100d", i)))).isTrue();
            }
            assertThat(buffer.append(bytes("x"))).as("full").isFalse();
            buffer.commit(buffer.peek(120).get(119).next());
        }
        try (DiskBuffer reopened = DiskBuffer.open(dir, capacity)) {
            List<DiskBuffer.Entry> entries = reopened.peek(1_000);
            // 500 appended - 120 committed = 380, starting with entry 120
            assertThat(entries).hasSize(380);
            assertThat(text(entries.getFirst().bytes())).isEqualTo(String.format("%0100d", 120));
            assertThat(text(entries.getLast().bytes())).isEqualTo(String.format("%0100d", 499));
        }
    }

    @Test
    void aTornLastEntryIsCutOffOnOpen() throws IOException {
        try (DiskBuffer buffer = DiskBuffer.open(dir, 1_000)) {
            buffer.append(bytes("kept"));
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.filter(f -> f.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        // a crash in the middle of a write: a header announcing 50 bytes, followed by 3
        Files.write(segment, new byte[] {0, 0, 0, 50, 1, 2, 3, 4, 'a', 'b', 'c'}, StandardOpenOption.APPEND);
        try (DiskBuffer reopened = DiskBuffer.open(dir, 1_000)) {
            assertThat(reopened.peek(10)).extracting(e -> text(e.bytes())).containsExactly("kept");
            reopened.append(bytes("next"));
            assertThat(reopened.peek(10)).extracting(e -> text(e.bytes())).containsExactly("kept", "next");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
