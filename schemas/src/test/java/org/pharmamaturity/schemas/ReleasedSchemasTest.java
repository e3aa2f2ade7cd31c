package org.pharmamaturity.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Fails the build when a schema change cannot read data written with a released schema. */
class ReleasedSchemasTest {

    @Test
    void currentSchemasReadDataOfEveryRelease() {
        List<String> problems = new ArrayList<>();
        ReleasedSchemas.released().forEach((version, schemas) ->
                problems.addAll(ReleasedSchemas.problems(version, schemas, ReleasedSchemas.current())));

        assertThat(problems)
                .as("Schema changes must stay backward compatible with released schemas (add fields with defaults,"
                        + " never remove or retype a field, never remove an enum symbol)")
                .isEmpty();
    }

    @Test
    void firstReleaseHoldsTheValueRecordOfEveryTopicThenReleased() {
        Map<String, Schema> v1 = ReleasedSchemas.released().get("v1");

        // the 17 topics of the first release, one value record each; topics added since (ScenarioDeclaration of
        // assessment.scenarios.declared) are new records, not yet in a release
        assertThat(v1).hasSize(17);
        assertThat(ReleasedSchemas.current().keySet()).containsAll(v1.keySet())
                .contains("org.pharmamaturity.schemas.avro.ScenarioDeclaration");
    }
}
