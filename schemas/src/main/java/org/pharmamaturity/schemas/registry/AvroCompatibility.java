package org.pharmamaturity.schemas.registry;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Avro schema-evolution checks in the registry's terms, with explanations a person can act on. */
public final class AvroCompatibility {

    private AvroCompatibility() {
    }

    /**
     * Why the reader schema cannot read data written with the writer schema; empty when it can.
     * Each problem names the field path (e.g. {@code EquipmentTelemetry.value}) and what is wrong there.
     */
    public static List<String> readProblems(Schema reader, Schema writer) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        List<String> problems = new ArrayList<>();
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(incompatibility.getType() + " at " + fieldPath(reader, incompatibility.getLocation())
                    + ": " + incompatibility.getMessage());
        }
        return problems;
    }

    /**
     * Turns Avro's location pointer ({@code /fields/6/type}) into field names ({@code EquipmentTelemetry.value}),
     * walking the reader schema; falls back to the pointer where the walk does not fit.
     */
    static String fieldPath(Schema reader, String location) {
        StringBuilder path = new StringBuilder(reader.getName());
        Schema current = reader;
        String[] steps = location.split("/");
        for (int i = 1; i < steps.length; i++) {
            String step = steps[i];
            if (step.equals("fields") && i + 1 < steps.length && current.getType() == Schema.Type.RECORD
                    && isIndex(steps[i + 1]) && Integer.parseInt(steps[i + 1]) < current.getFields().size()) {
                Schema.Field field = current.getFields().get(Integer.parseInt(steps[++i]));
                path.append('.').append(field.name());
                current = field.schema();
            } else if (step.equals("type")) {
                continue;
            } else if (step.equals("items") && current.getType() == Schema.Type.ARRAY) {
                current = current.getElementType();
                path.append("[]");
            } else if (step.equals("values") && current.getType() == Schema.Type.MAP) {
                current = current.getValueType();
                path.append("{}");
            } else if (isIndex(step) && current.getType() == Schema.Type.UNION
                    && Integer.parseInt(step) < current.getTypes().size()) {
                current = current.getTypes().get(Integer.parseInt(step));
            } else if (step.equals("symbols") || step.equals("size") || step.equals("name")) {
                path.append(" (").append(step).append(')');
            } else {
                return location;
            }
        }
        return path.toString();
    }

    private static boolean isIndex(String step) {
        return !step.isEmpty() && step.chars().allMatch(Character::isDigit);
    }

    /**
     * Why the candidate breaks the rule against the subject's existing versions (oldest first); empty when it
     * passes.
     */
    public static List<String> ruleProblems(CompatibilityLevel level, Schema candidate, List<Schema> existing) {
        if (existing.isEmpty() || level == CompatibilityLevel.NONE) {
            return List.of();
        }
        List<Schema> against = level.transitive() ? existing : List.of(existing.get(existing.size() - 1));
        List<String> problems = new ArrayList<>();
        for (Schema old : against) {
            if (level.checksBackward()) {
                readProblems(candidate, old).forEach(p -> problems.add("new schema cannot read old data: " + p));
            }
            if (level.checksForward()) {
                readProblems(old, candidate).forEach(p -> problems.add("old schema cannot read new data: " + p));
            }
        }
        return problems;
    }
}
