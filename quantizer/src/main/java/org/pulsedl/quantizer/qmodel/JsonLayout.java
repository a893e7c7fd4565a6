package org.pulsedl.quantizer.qmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree readable and diffable: objects one field per line, arrays of numbers on one line,
 * arrays of such arrays one row per line (one weight row per output channel). Same tree, same bytes.
 */
final class JsonLayout {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLayout() {}

    static String write(JsonNode root) {
        StringBuilder sb = new StringBuilder();
        write(root, 0, sb);
        return sb.append('\n').toString();
    }

    private static void write(JsonNode n, int indent, StringBuilder sb) {
        if (n.isObject()) {
            if (n.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                pad(sb, indent + 2).append(scalar(MAPPER.getNodeFactory().textNode(e.getKey()))).append(": ");
                write(e.getValue(), indent + 2, sb);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            pad(sb, indent).append('}');
        } else if (n.isArray()) {
            if (allScalars(n)) {
                sb.append('[');
                for (int i = 0; i < n.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(scalar(n.get(i)));
                }
                sb.append(']');
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < n.size(); i++) {
                pad(sb, indent + 2);
                write(n.get(i), indent + 2, sb);
                sb.append(i + 1 < n.size() ? ",\n" : "\n");
            }
            pad(sb, indent).append(']');
        } else {
            sb.append(scalar(n));
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String scalar(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StringBuilder pad(StringBuilder sb, int n) {
        return sb.append(" ".repeat(n));
    }
}
