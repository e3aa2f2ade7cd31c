package org.pharmamaturity.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmamaturity.streams.config.ApiSettings;
import org.pharmamaturity.streams.config.SettingsException;

/** Tokens are configured as SHA-256 hashes with a role; a bearer token maps to its caller or to a 401. */
class TokenAuthenticatorTest {

    /** SHA-256("abc"), the FIPS 180-2 test vector. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesAreHexSha256() {
        assertThat(TokenAuthenticator.hash("abc")).isEqualTo(ABC);
    }

    @Test
    void fileAndInlineEntriesGiveTheirRoles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# regulators\n" + ABC.toUpperCase() + " regulator   # the inspector\n\n");
        TokenAuthenticator tokens = TokenAuthenticator.load(settings(Optional.of(file),
                TokenAuthenticator.hash("e1-token") + " enterprise:E1"));

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.authenticate("Bearer abc").isRegulator()).isTrue();
        Caller enterprise = tokens.authenticate("bearer e1-token");
        assertThat(enterprise.enterpriseId()).isEqualTo("E1");
        assertThat(enterprise.mayRead("E1")).isTrue();
        assertThat(enterprise.mayRead("E2")).isFalse();
        assertThat(catchThrowableOfType(ApiException.class, () -> tokens.authenticate("Bearer abd")).status()).isEqualTo(401);
        assertThat(catchThrowableOfType(ApiException.class, () -> tokens.authenticate(null)).status()).isEqualTo(401);
        assertThat(catchThrowableOfType(ApiException.class, () -> tokens.authenticate("abc")).status()).isEqualTo(401);
    }

    @Test
    void badEntriesAreReportedWithoutTheirContent() {
        SettingsException error = catchThrowableOfType(SettingsException.class, () -> TokenAuthenticator.load(
                settings(Optional.empty(), "plaintext-secret regulator," + ABC + " admin," + ABC + " enterprise:../x")));
        assertThat(error.problems()).hasSize(3);
        assertThat(error.problems().get(0)).startsWith("maturity.api.tokens entry 1: expected '<sha-256 hex");
        assertThat(error.getMessage()).doesNotContain("plaintext-secret").doesNotContain(ABC);
    }

    private static ApiSettings settings(Optional<Path> file, String inline) {
        return new ApiSettings(0, "127.0.0.1", "127.0.0.1", file, inline, 1024, 3);
    }
}
