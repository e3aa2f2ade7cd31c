package org.pharmamaturity.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Binding Grafana's variables into a query the way Grafana does before it reaches Prometheus. */
class PanelQueryTest {

    @Test
    void bindsPlainBracedAndBuiltInVariablesAndLeavesRegexGroupsAlone() {
        PanelQuery query = new PanelQuery("d", "p", "A",
                "sum(rate(x{sector=\"$sector\",id=\"${enterprise}\"}[$__rate_interval]))"
                        + " * on (k) label_replace(y, \"k\", \"$1\", \"kpi\", \"(.+)\")", false);

        String bound = query.bind(Map.of("sector", "C272", "enterprise", "SH-E007", "__rate_interval", "1m"));

        assertThat(bound).isEqualTo("sum(rate(x{sector=\"C272\",id=\"SH-E007\"}[1m]))"
                + " * on (k) label_replace(y, \"k\", \"$1\", \"kpi\", \"(.+)\")");
    }

    @Test
    void aVariableWithoutAValueIsAnErrorNamingThePanel() {
        PanelQuery query = new PanelQuery("Sector overview", "Score trend", "A", "x{sector=\"$sector\"}", false);

        assertThatThrownBy(() -> query.bind(Map.of()))
                .hasMessage("Sector overview / Score trend / A uses $sector, which has no value");
    }
}
