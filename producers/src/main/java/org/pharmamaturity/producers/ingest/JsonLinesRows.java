package org.pharmamaturity.producers.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JSON-lines file (one object per line) into rows whose fields are the object's top-level members as
 * text (an array as its members separated by {@code ;}), renamed through the column mapping; a line that is not a JSON object is a malformed row.
 */
final class JsonLinesRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLinesRows() {
    }

    static List<SourceRow> read(Path file, ColumnMapping mapping) {
        List<String> lines = CsvRows.Lines.of(file);
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            int line = i + 1;
            try {
                JsonNode node = MAPPER.readTree(text);
                if (!node.isObject()) {
                    rows.add(new SourceRow(file, line, Map.of(), text, "not a JSON object"));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                node.properties().forEach(member -> {
                    if (member.getValue().isArray()) {
                        fields.put(mapping.fieldOf(member.getKey()), RowFields.joinList(member.getValue().valueStream()
                                .map(JsonNode::asText).toList()));
                    } else if (!member.getValue().isNull()) {
                        fields.put(mapping.fieldOf(member.getKey()), member.getValue().asText());
                    }
                });
                rows.add(new SourceRow(file, line, fields, text, null));
            } catch (JsonProcessingException e) {
                rows.add(new SourceRow(file, line, Map.of(), text, "not valid JSON: " + e.getOriginalMessage()));
            }
        }
        return rows;
    }
}
