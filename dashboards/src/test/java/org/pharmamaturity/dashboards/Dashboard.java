package org.pharmamaturity.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One Grafana dashboard file, read as JSON, with the parts the tests look at: panels, their queries, variables. */
record Dashboard(Path file, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every dashboard of dashboards/grafana, in file-name order. */
    static List<Dashboard> all() {
        try (Stream<Path> files = Files.list(ProjectFiles.DASHBOARDS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().map(Dashboard::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dashboard read(Path file) {
        try {
            return new Dashboard(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard " + file, e);
        }
    }

    String uid() {
        return json.path("uid").asText();
    }

    String title() {
        return json.path("title").asText();
    }

    /** The panels, those inside collapsed rows included, rows themselves left out. */
    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    List<String> panelTitles() {
        return panels().stream().map(panel -> panel.path("title").asText()).toList();
    }

    /** The template variables' names, in dashboard order. */
    List<String> variableNames() {
        List<String> names = new ArrayList<>();
        json.path("templating").path("list").forEach(variable -> names.add(variable.path("name").asText()));
        return names;
    }

    /** The template variables of type query, with their label_values(...) query text. */
    List<JsonNode> variables() {
        List<JsonNode> variables = new ArrayList<>();
        json.path("templating").path("list").forEach(variables::add);
        return variables;
    }

    /** Every PromQL query of every panel. */
    List<PanelQuery> queries() {
        List<PanelQuery> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new PanelQuery(title(), panel.path("title").asText(), target.path("refId").asText(),
                        target.path("expr").asText(), target.path("instant").asBoolean(false)));
            }
        }
        return queries;
    }

    /** Every JSON object named "datasource" anywhere in the dashboard. */
    List<JsonNode> datasourceReferences() {
        List<JsonNode> references = new ArrayList<>();
        collectDatasources(json, references);
        return references;
    }

    private static void collectDatasources(JsonNode node, List<JsonNode> references) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if ("datasource".equals(entry.getKey())) {
                    references.add(entry.getValue());
                }
                collectDatasources(entry.getValue(), references);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectDatasources(child, references));
        }
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}
