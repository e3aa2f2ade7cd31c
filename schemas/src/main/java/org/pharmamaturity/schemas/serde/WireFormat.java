package org.pharmamaturity.schemas.serde;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary
 * encoding of the record.
 */
public final class WireFormat {

    /** First byte of every framed record. */
    public static final byte MAGIC_BYTE = 0;
    /** Bytes before the Avro payload: the magic byte and the schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The 5 header bytes for the schema id. */
    public static byte[] header(int schemaId) {
        return new byte[] {MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8),
                (byte) schemaId};
    }

    /** The schema id stored big-endian at {@code offset + 1}. */
    static int schemaId(byte[] bytes, int offset) {
        return ((bytes[offset + 1] & 0xff) << 24) | ((bytes[offset + 2] & 0xff) << 16)
                | ((bytes[offset + 3] & 0xff) << 8) | (bytes[offset + 4] & 0xff);
    }
}
