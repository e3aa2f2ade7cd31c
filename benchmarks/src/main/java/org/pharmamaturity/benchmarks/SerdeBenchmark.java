package org.pharmamaturity.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.EquipmentTelemetry;
import org.pharmamaturity.schemas.avro.TelemetryQuality;
import org.pharmamaturity.schemas.registry.InMemorySchemaRegistryClient;
import org.pharmamaturity.schemas.serde.AvroDeserializer;
import org.pharmamaturity.schemas.serde.AvroSerdeConfig;
import org.pharmamaturity.schemas.serde.AvroSerializer;

/**
 * Records per second through the Confluent-wire-format serde beside plain Avro binary encoding of the same
 * EquipmentTelemetry without the registry header, in the same run. The registry is in memory and warmed in the
 * setup, so no I/O happens in the measured loop: the difference is the serde's own cost (header, cache lookups,
 * copying the result). The plain baseline is Avro's idiomatic fast path: a reused encoder/decoder over a reused
 * stream, a DatumWriter/DatumReader built once.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Serde -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SerdeBenchmark {

    private static final String TOPIC = Topic.FACTORY_EQUIPMENT_TELEMETRY.name();

    private final EquipmentTelemetry telemetry = EquipmentTelemetry.newBuilder()
            .setEventId("5f0c6f1e-8a53-4c1e-9d0e-2f3b7c1a9e42")
            .setEventTime(Instant.parse("2026-03-01T08:00:00.123Z"))
            .setEnterpriseId("ENT-0042").setSiteId("SITE-0042-01").setEquipmentId("EQ-0042-01-017")
            .setTag("TT-101.PV").setValue(21.537).setUnit("Cel").setQuality(TelemetryQuality.GOOD)
            .build();

    private AvroSerializer<EquipmentTelemetry> serializer;
    private AvroDeserializer<EquipmentTelemetry> deserializer;
    private byte[] framed;
    /** The calls Kafka makes: producers and Streams sinks pass headers, consumers a ByteBuffer of the fetch. */
    private final Headers headers = new RecordHeaders();

    private SpecificDatumWriter<EquipmentTelemetry> plainWriter;
    private SpecificDatumReader<EquipmentTelemetry> plainReader;
    private final ByteArrayOutputStream plainOut = new ByteArrayOutputStream(256);
    private BinaryEncoder plainEncoder;
    private BinaryDecoder plainDecoder;
    private byte[] plain;

    @Setup
    public void setUp() throws IOException {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        deserializer = new AvroDeserializer<>(registry);
        // Configuring the deserializer also trusts the generated package, which the plain reader needs too.
        deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        framed = serializer.serialize(TOPIC, telemetry);
        deserializer.deserialize(TOPIC, framed);

        plainWriter = new SpecificDatumWriter<>(EquipmentTelemetry.class);
        plainReader = new SpecificDatumReader<>(EquipmentTelemetry.class);
        plain = plainAvroSerialize();
        if (plain.length + 5 != framed.length || !plainAvroDeserialize().equals(serdeDeserialize())) {
            throw new IllegalStateException("serde and plain Avro must encode the same record the same way");
        }
    }

    @Benchmark
    public byte[] serdeSerialize() {
        return serializer.serialize(TOPIC, headers, telemetry);
    }

    @Benchmark
    public byte[] plainAvroSerialize() throws IOException {
        plainOut.reset();
        plainEncoder = EncoderFactory.get().binaryEncoder(plainOut, plainEncoder);
        plainWriter.write(telemetry, plainEncoder);
        plainEncoder.flush();
        return plainOut.toByteArray();
    }

    @Benchmark
    public EquipmentTelemetry serdeDeserialize() {
        return deserializer.deserialize(TOPIC, headers, ByteBuffer.wrap(framed));
    }

    @Benchmark
    public EquipmentTelemetry plainAvroDeserialize() throws IOException {
        plainDecoder = DecoderFactory.get().binaryDecoder(plain, plainDecoder);
        return plainReader.read(null, plainDecoder);
    }
}
