package org.pharmamaturity.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroCompatibilityTest {

    @Test
    void namesTheFieldInsideArraysAndMaps() {
        Schema reader = parse("string");
        Schema writer = parse("int");

        assertThat(AvroCompatibility.readProblems(reader, writer)).singleElement().asString()
                .startsWith("TYPE_MISMATCH at Order.lines[].notes{}.text: ");
    }

    @Test
    void compatibleSchemasHaveNoProblems() {
        assertThat(AvroCompatibility.readProblems(parse("string"), parse("string"))).isEmpty();
    }

    /** An order whose lines carry notes by author; a note's text has the given type. */
    private static Schema parse(String textType) {
        return new Schema.Parser().parse("""
                {"type": "record", "name": "Order", "fields": [
                  {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
                    {"name": "notes", "type": {"type": "map", "values": {"type": "record", "name": "Note",
                      "fields": [{"name": "text", "type": "%s"}]}}}]}}}]}""".formatted(textType));
    }
}
