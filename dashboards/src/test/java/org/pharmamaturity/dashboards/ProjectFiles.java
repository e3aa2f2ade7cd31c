package org.pharmamaturity.dashboards;

import java.nio.file.Path;

/** Where the files under test live; Surefire runs the tests in the module folder, dashboards/. */
final class ProjectFiles {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = MODULE.getParent();
    static final Path DASHBOARDS = MODULE.resolve("grafana");
    static final Path PROVISIONED_DATASOURCES = MODULE.resolve("provisioning/datasources/prometheus.yml");
    static final Path PROVISIONED_DASHBOARDS = MODULE.resolve("provisioning/dashboards/maturity.yml");
    static final Path PROMETHEUS = MODULE.resolve("prometheus");
    static final Path SCHEMA_CHECK = MODULE.resolve("src/test/js");
    static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
    static final Path DASHBOARDS_DOC = ROOT.resolve("docs/dashboards.md");

    private ProjectFiles() {
    }
}
