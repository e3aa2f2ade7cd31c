package org.pharmamaturity.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/settings.md is what the ConfigDefs say; rewrite it with -Dsettings.write=true. */
class SettingsReferenceTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void docsSettingsIsGeneratedFromTheDefinitions() throws IOException {
        Path file = ROOT.resolve(SettingsReference.FILE);
        if (Boolean.getBoolean("settings.write")) {
            SettingsReference.main(new String[] {ROOT.toString()});
        }
        String onDisk = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(onDisk).as("docs/settings.md differs from the settings' ConfigDefs; regenerate it with"
                + " ./mvnw -B -o -pl local -am -Dtest=SettingsReferenceTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dsettings.write=true test").isEqualTo(SettingsReference.markdown());
    }

    @Test
    void aServiceKeyRowNamesItsVariableDefaultAndValidValues() {
        // maturity.api.port: MATURITY_ + "api.port" upper-cased with '.' -> '_', default 8080, range 0..65535.
        assertThat(SettingsReference.markdown()).contains("| `maturity.api.port` | `MATURITY_API_PORT` | int | `8080` |"
                + " a whole number from 0 to 65535 |");
        // producers.config: PRODUCERS_ + "config" (its own prefix dropped), no default.
        assertThat(SettingsReference.markdown()).contains("| `producers.config` | `PRODUCERS_CONFIG` | string |  |  |");
    }
}
