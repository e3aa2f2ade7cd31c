package org.pharmamaturity.producers.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.pharmamaturity.schemas.avro.EquipmentState;

/**
 * A gateway's mapping file (YAML or JSON): which MQTT topics and OPC UA nodes become which records, and how
 * (docs/gateway.md). Loading checks every rule and reports all problems at once, each naming its rule.
 */
public record GatewayMapping(List<String> mqttSubscriptions, List<MqttRule> mqtt, List<NodeRule> opcua) {

    /** The shipped mapping of a UNS tree {@code <enterprise>/<site>/<area>/<line>/<equipment>/<kind>}. */
    public static final String DEFAULT_RESOURCE = "/gateway/uns-mapping.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_LEVEL = Set.of("mqttSubscriptions", "stateCodes", "mqtt", "opcua");
    private static final Set<String> MQTT_KEYS = Set.of("topic", "kind", "fields", "stateCodes");
    private static final Set<String> NODE_KEYS = Set.of("nodeId", "kind", "enterpriseId", "siteId", "equipmentId",
            "counter", "idealCycleTimeMs", "tag", "unit", "stateCodes");

    public GatewayMapping {
        mqttSubscriptions = List.copyOf(mqttSubscriptions);
        mqtt = List.copyOf(mqtt);
        opcua = List.copyOf(opcua);
    }

    /** The shipped UNS mapping. */
    public static GatewayMapping defaultMapping() {
        try (InputStream in = GatewayMapping.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(YAML.readTree(in), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new MappingException("the built-in mapping " + DEFAULT_RESOURCE + " cannot be read: " + e.getMessage());
        }
    }

    /** The mapping in {@code file}; {@link MappingException} lists every problem. */
    public static GatewayMapping load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new MappingException("mapping file " + file + " cannot be read as YAML or JSON: "
                    + e.getMessage().lines().findFirst().orElse("") + "; fix its syntax (see docs/gateway.md)");
        }
        return parse(root, file.toString());
    }

    /**
     * The MQTT rule for {@code topic}, the first that matches. The gateway subscribes to {@link #mqttSubscriptions}
     * (by default the rules' own filters): a message there that no rule maps becomes an UNMAPPED_SOURCE dead letter.
     */
    public Optional<MqttRule> ruleFor(String topic) {
        return mqtt.stream().filter(rule -> rule.pattern().match(topic).isPresent()).findFirst();
    }

    static GatewayMapping parse(JsonNode root, String name) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new MappingException("mapping file " + name + " is empty or not a map with mqtt: and opcua: lists");
        }
        unknownKeys(root, TOP_LEVEL, name, problems);
        Map<String, Map<String, String>> tables = stateTables(root.path("stateCodes"), name, problems);
        List<MqttRule> mqtt = new ArrayList<>();
        List<NodeRule> opcua = new ArrayList<>();
        JsonNode mqttNode = root.path("mqtt");
        for (int i = 0; i < mqttNode.size(); i++) {
            mqttRule(mqttNode.get(i), name + " mqtt[" + i + "]", tables, problems).ifPresent(mqtt::add);
        }
        JsonNode opcuaNode = root.path("opcua");
        for (int i = 0; i < opcuaNode.size(); i++) {
            nodeRule(opcuaNode.get(i), name + " opcua[" + i + "]", tables, problems).ifPresent(opcua::add);
        }
        List<String> subscriptions = new ArrayList<>();
        root.path("mqttSubscriptions").forEach(filter -> subscriptions.add(filter.asText()));
        if (subscriptions.isEmpty()) {
            mqtt.stream().map(rule -> rule.pattern().filter()).distinct().forEach(subscriptions::add);
        }
        if (mqtt.isEmpty() && opcua.isEmpty() && problems.isEmpty()) {
            problems.add(name + ": no rules; add an mqtt: or opcua: list");
        }
        if (!problems.isEmpty()) {
            throw new MappingException("mapping file has " + problems.size() + " problem(s): " + String.join("; ", problems));
        }
        return new GatewayMapping(subscriptions, mqtt, opcua);
    }

    private static Map<String, Map<String, String>> stateTables(JsonNode node, String name, List<String> problems) {
        Map<String, Map<String, String>> tables = new HashMap<>();
        node.properties().forEach(table -> {
            Map<String, String> codes = new LinkedHashMap<>();
            table.getValue().properties().forEach(code -> {
                String state = code.getValue().asText();
                if (Arrays.stream(EquipmentState.values()).noneMatch(s -> s.name().equals(state))) {
                    problems.add(name + " stateCodes." + table.getKey() + ": code " + code.getKey() + " maps to '" + state
                            + "', not one of " + Arrays.toString(EquipmentState.values()));
                }
                codes.put(code.getKey(), state);
            });
            tables.put(table.getKey(), codes);
        });
        return tables;
    }

    private static Optional<MqttRule> mqttRule(JsonNode node, String where, Map<String, Map<String, String>> tables,
            List<String> problems) {
        int before = problems.size();
        unknownKeys(node, MQTT_KEYS, where, problems);
        TopicPattern pattern = null;
        try {
            pattern = TopicPattern.parse(node.path("topic").asText(null));
        } catch (MappingException e) {
            problems.add(where + ": " + e.getMessage());
        }
        GatewayKind kind = kind(node, where, problems);
        Map<String, FieldSource> fields = new LinkedHashMap<>();
        node.path("fields").properties().forEach(field -> {
            try {
                fields.put(field.getKey(), FieldSource.parse(field.getValue().asText(null), where + " fields." + field.getKey()));
            } catch (MappingException e) {
                problems.add(e.getMessage());
            }
        });
        Map<String, String> codes = table(node, where, tables, problems);
        if (kind != null && pattern != null) {
            Set<String> filled = new HashSet<>(fields.keySet());
            filled.addAll(pattern.captureNames());
            checkFields(kind, fields.keySet(), filled, where, problems);
        }
        return problems.size() == before ? Optional.of(new MqttRule(pattern, kind, fields, codes)) : Optional.empty();
    }

    private static Optional<NodeRule> nodeRule(JsonNode node, String where, Map<String, Map<String, String>> tables,
            List<String> problems) {
        int before = problems.size();
        unknownKeys(node, NODE_KEYS, where, problems);
        String nodeId = required(node, "nodeId", where, problems);
        GatewayKind kind = kind(node, where, problems);
        String enterpriseId = required(node, "enterpriseId", where, problems);
        String siteId = required(node, "siteId", where, problems);
        String equipmentId = required(node, "equipmentId", where, problems);
        String counter = node.path("counter").asText(null);
        double idealCycleTimeMs = node.path("idealCycleTimeMs").asDouble(0);
        String tag = node.path("tag").asText(null);
        if (kind == GatewayKind.counts) {
            if (!"good".equals(counter) && !"reject".equals(counter)) {
                problems.add(where + ": a counts node needs counter: good or counter: reject");
            }
            if (idealCycleTimeMs <= 0) {
                problems.add(where + ": a counts node needs idealCycleTimeMs, the equipment's ideal time per unit (ms, > 0)");
            }
        }
        if (kind == GatewayKind.telemetry && tag == null) {
            problems.add(where + ": a telemetry node needs tag: the variable's name, e.g. TT-101.PV");
        }
        Map<String, String> codes = table(node, where, tables, problems);
        return problems.size() == before ? Optional.of(new NodeRule(nodeId, kind, enterpriseId, siteId, equipmentId,
                counter, idealCycleTimeMs, tag, node.path("unit").asText(null), codes)) : Optional.empty();
    }

    private static void checkFields(GatewayKind kind, Set<String> mapped, Set<String> filled, String where,
            List<String> problems) {
        for (String field : mapped) {
            if (!kind.allFields().contains(field)) {
                problems.add(where + ": field '" + field + "' is not a field of " + kind + " " + kind.allFields());
            }
        }
        for (String field : kind.requiredFields()) {
            if (!filled.contains(field)) {
                problems.add(where + ": " + kind + " needs field '" + field + "'; map it under fields: or capture it "
                        + "with {" + field + "} in the topic");
            }
        }
    }

    private static GatewayKind kind(JsonNode node, String where, List<String> problems) {
        String text = node.path("kind").asText(null);
        try {
            return GatewayKind.valueOf(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            problems.add(where + ": kind '" + text + "' is not one of " + Arrays.toString(GatewayKind.values()));
            return null;
        }
    }

    private static Map<String, String> table(JsonNode node, String where, Map<String, Map<String, String>> tables,
            List<String> problems) {
        String name = node.path("stateCodes").asText(null);
        if (name == null) {
            return Map.of();
        }
        Map<String, String> table = tables.get(name);
        if (table == null) {
            problems.add(where + ": stateCodes '" + name + "' is not a table under stateCodes: " + tables.keySet());
            return Map.of();
        }
        return table;
    }

    private static String required(JsonNode node, String key, String where, List<String> problems) {
        String value = node.path(key).asText(null);
        if (value == null || value.isBlank()) {
            problems.add(where + ": " + key + " is missing");
        }
        return value;
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String where, List<String> problems) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                problems.add(where + ": unknown key '" + key + "' (allowed: " + allowed + ")");
            }
        });
    }
}
