package org.pharmamaturity.producers.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the refused rows of a file in its own format (a CSV keeps its header) so they can be fixed and ingested
 * again, and the reasons beside it in {@code <reject file>.reasons.txt}.
 */
final class RejectFile {

    private RejectFile() {
    }

    /** The default reject file of {@code source}: {@code data.csv} -> {@code data.rejects.csv}. */
    static Path defaultFor(Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String rejectName = dot < 0 ? name + ".rejects" : name.substring(0, dot) + ".rejects" + name.substring(dot);
        return source.resolveSibling(rejectName);
    }

    /** The file of reasons beside {@code rejectFile}. */
    static Path reasonsFor(Path rejectFile) {
        return rejectFile.resolveSibling(rejectFile.getFileName() + ".reasons.txt");
    }

    static void write(Path rejectFile, Path source, Validation validation) {
        List<String> lines = new ArrayList<>();
        if (FileValidator.Format.of(source) == FileValidator.Format.CSV) {
            lines.add(CsvRows.header(source));
        }
        validation.rejectedRows().forEach(row -> lines.add(row.text()));
        try {
            Files.write(rejectFile, lines, StandardCharsets.UTF_8);
            Files.write(reasonsFor(rejectFile), validation.problems().stream().map(RowProblem::toString).toList(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IngestException("Cannot write the reject file " + rejectFile + " (" + e
                    + "): choose a writable path with --reject-file.", e);
        }
    }
}
