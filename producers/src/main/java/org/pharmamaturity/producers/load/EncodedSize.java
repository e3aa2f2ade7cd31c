package org.pharmamaturity.producers.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.pharmamaturity.producers.simulate.SimEvent;

/** The size of records on the wire: Confluent's 5-byte header (magic byte, schema id) plus the Avro binary body. */
final class EncodedSize {

    private static final int WIRE_HEADER_BYTES = 5;

    private EncodedSize() {
    }

    /** The mean wire size of the events' values, rounded to whole bytes (at least 1). */
    static int meanOf(List<SimEvent<?>> events) {
        long total = 0;
        for (SimEvent<?> event : events) {
            total += WIRE_HEADER_BYTES + avroBytes(event.value());
        }
        return (int) Math.max(1, Math.round((double) total / Math.max(1, events.size())));
    }

    private static int avroBytes(SpecificRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory cannot fail", e);
        }
        return out.size();
    }
}
