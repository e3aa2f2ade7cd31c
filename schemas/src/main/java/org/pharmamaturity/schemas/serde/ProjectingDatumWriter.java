package org.pharmamaturity.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes a record in a different (compatible) schema than its own, for {@code use.latest.version}: the bytes must
 * match the schema id in the header. Avro's writers map fields by position, so the record is encoded with its own
 * schema, resolved into the target schema, and encoded again. Slower than a direct write, which is why it is used
 * only when the two schemas really differ.
 */
final class ProjectingDatumWriter implements DatumWriter<Object> {

    private final DatumWriter<Object> ownWriter;
    private final DatumReader<Object> resolver;
    private final DatumWriter<Object> targetWriter;

    ProjectingDatumWriter(DatumWriter<Object> ownWriter, Schema ownSchema, Schema targetSchema) {
        this.ownWriter = ownWriter;
        this.resolver = new GenericDatumReader<>(ownSchema, targetSchema, GenericData.get());
        this.targetWriter = new GenericDatumWriter<>(targetSchema, GenericData.get());
    }

    @Override
    public void setSchema(Schema schema) {
        throw new UnsupportedOperationException("the schemas of a projection are fixed when it is built");
    }

    @Override
    public void write(Object datum, Encoder out) throws IOException {
        ByteArrayOutputStream own = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(own, null);
        ownWriter.write(datum, encoder);
        Object projected = resolver.read(null, DecoderFactory.get().binaryDecoder(own.toByteArray(), null));
        targetWriter.write(projected, out);
    }
}
