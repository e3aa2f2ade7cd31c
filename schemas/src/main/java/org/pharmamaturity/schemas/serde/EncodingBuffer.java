package org.pharmamaturity.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A growable byte array with its Avro encoder, reused by one thread for every record it serializes so the
 * per-record cost is the encoding and one copy of the result. Not thread-safe: the serializer keeps one per thread.
 */
final class EncodingBuffer extends OutputStream {

    private static final int INITIAL_CAPACITY = 512;
    /** A buffer grown beyond this by one huge record is dropped rather than kept for the thread's lifetime. */
    private static final int RETAINED_CAPACITY = 1 << 20;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int count;
    private final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(this, null);

    /** True between start and finish: a record whose writing failed may have left bytes in the encoder. */
    private boolean unfinished;

    /** Starts a record: forgets the previous one, writes the header, and returns the encoder for the datum. */
    BinaryEncoder start(byte[] header) throws IOException {
        if (unfinished) {
            encoder.flush();
        }
        unfinished = true;
        count = 0;
        write(header, 0, header.length);
        return encoder;
    }

    /** The header and the datum's encoding as one new array. */
    byte[] finish() throws IOException {
        encoder.flush();
        unfinished = false;
        byte[] result = Arrays.copyOf(bytes, count);
        if (bytes.length > RETAINED_CAPACITY) {
            bytes = new byte[INITIAL_CAPACITY];
        }
        return result;
    }

    @Override
    public void write(int b) {
        ensureCapacity(count + 1);
        bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensureCapacity(count + length);
        System.arraycopy(source, offset, bytes, count, length);
        count += length;
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
