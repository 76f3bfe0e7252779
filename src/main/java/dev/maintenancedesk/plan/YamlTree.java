package dev.maintenancedesk.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML into plain maps, lists and {@link Scalar}s. Hand-built rather than a Jackson tree because a
 * tree silently keeps the last of two duplicate keys, and validation must report every duplicate.
 */
final class YamlTree {

    // the bare factory: a YAMLMapper would build a whole databind configuration (~20 ms of a CLI run) for nothing
    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** A leaf as written; {@code token} tells strings from numbers, booleans and nulls. */
    record Scalar(String text, JsonToken token) {}

    private YamlTree() {}

    /** The document's root, or null when it is empty; syntax errors become one problem with line and column. */
    static Object parse(String yaml, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), yaml)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : value(parser, "", problems);
        } catch (JacksonException e) {
            var at = e.getLocation();
            problems.add(at == null ? "(document)" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "not valid YAML: " + Problems.firstLine(e.getOriginalMessage()));
            return null;
        }
    }

    private static Object value(JsonParser parser, String path, Problems problems) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                String child = Problems.join(path, key);
                Object v = value(parser, child, problems);
                if (map.containsKey(key)) {
                    problems.add(child, "duplicate key");
                } else {
                    map.put(key, v);
                }
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser, path + "[" + list.size() + "]", problems));
            }
            return list;
        }
        return token == JsonToken.VALUE_NULL ? null : new Scalar(parser.getString(), token);
    }
}
