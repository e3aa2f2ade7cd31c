package org.pharmamaturity.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The programme's progress names candidates: an enterprise token is refused before any store is read (the
 * regulator's answer is checked on the broker, in ApiIntegrationTest).
 */
class ProgrammeResourceTest {

    @Test
    void anEnterpriseTokenGets403() {
        ProgrammeResource resource = new ProgrammeResource(null, null);
        ApiRequest request = new ApiRequest("/api/v1/programme", Map.of(), Map.of(), new Caller("E1"), "Bearer t",
                false, new byte[0]);
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> resource.routes().get(0).handler().handle(request));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.getMessage()).contains("only a regulator");
    }
}
