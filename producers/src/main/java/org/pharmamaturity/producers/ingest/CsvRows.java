package org.pharmamaturity.producers.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file with a header line (RFC 4180 quoting, one record per line, UTF-8 with or without BOM) into
 * rows keyed by the header names renamed through the column mapping; blank lines are skipped and a line with the
 * wrong number of columns is a malformed row.
 */
final class CsvRows {

    private CsvRows() {
    }

    static List<SourceRow> read(Path file, ColumnMapping mapping) {
        List<String> lines = Lines.of(file);
        if (lines.isEmpty()) {
            throw new IngestException(file + " is empty: a CSV file needs a header line naming its columns.");
        }
        List<String> header = split(lines.get(0)).stream().map(String::trim).map(mapping::fieldOf).toList();
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> values = split(text);
            if (values == null) {
                rows.add(new SourceRow(file, line, Map.of(), text, "a quoted value is not closed"));
            } else if (values.size() != header.size()) {
                rows.add(new SourceRow(file, line, Map.of(), text,
                        values.size() + " columns where the header has " + header.size()));
            } else {
                Map<String, String> fields = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    fields.put(header.get(c), values.get(c));
                }
                rows.add(new SourceRow(file, line, fields, text, null));
            }
        }
        return rows;
    }

    /** The header line of the file, for the reject file. */
    static String header(Path file) {
        List<String> lines = Lines.of(file);
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** The values of one line; null when a quote is left open. */
    static List<String> split(String line) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        values.add(value.toString());
        return values;
    }

    /** The file's lines without a leading byte-order mark. */
    static final class Lines {
        private Lines() {
        }

        static List<String> of(Path file) {
            try {
                List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
                if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
                    lines.set(0, lines.get(0).substring(1));
                }
                return lines;
            } catch (IOException e) {
                throw new IngestException("Cannot read " + file + " (" + e + "): check the path and that it is UTF-8 text.", e);
            }
        }
    }
}
