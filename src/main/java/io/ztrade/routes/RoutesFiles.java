package io.ztrade.routes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What the route files of a directory say, item by item ({@code - routeTemplate:}, {@code - templatedRoute:}, ...),
 * as plain values: two snapshots compare equal item by item whatever the comments, spacing or order of the file,
 * so a reload knows which agents an edit touched. Read only after the files passed validation.
 *
 * @param items by {@link Item#key()}, in file order
 * @param files the files read, sorted
 */
record RoutesFiles(Map<String, Item> items, List<Path> files) {

    /**
     * The kinds a reload applies while running; any other item that changes needs a restart, except a {@code beans}
     * entry that is a scripted step ({@link ScriptedStepBeans}).
     */
    static final List<String> RELOADABLE = List.of("routeTemplate", "routeConfiguration", "templatedRoute", "route");

    /** A top-level {@code - beans:} list: read as one item per bean, of this kind, known by the bean's name. */
    static final String BEANS = "beans";

    /**
     * One top-level item.
     *
     * @param kind  its key: routeTemplate, templatedRoute, route, routeConfiguration, beans, ...
     * @param id    its id (a templated route's routeId, a bean's name), or {@code #<hash of its content>} when it has
     *              none
     * @param value the item as maps, lists and strings
     */
    record Item(String kind, String id, Path file, int line, Object value) {

        String key() {
            return kind + ":" + id;
        }

        /** The template a templated route is made from; null for other kinds. */
        String templateRef() {
            return value instanceof Map<?, ?> map && map.get("routeTemplateRef") instanceof String ref ? ref : null;
        }

        @Override
        public String toString() {
            return kind + " " + id + " (" + file.getFileName() + ":" + line + ")";
        }
    }

    static RoutesFiles read(Path directory, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> matching = Files.newDirectoryStream(directory, glob)) {
            matching.forEach(file -> {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            });
        }
        files.sort(null);
        Map<String, Item> items = new LinkedHashMap<>();
        for (Path file : files) {
            Node root;
            try (Reader reader = Files.newBufferedReader(file)) {
                root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
            }
            if (!(root instanceof SequenceNode list)) {
                continue;
            }
            for (Node node : list.getValue()) {
                if (node instanceof MappingNode mapping && mapping.getValue().size() == 1) {
                    NodeTuple tuple = mapping.getValue().get(0);
                    String kind = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                    if (BEANS.equals(kind) && namedBeans(tuple.getValueNode()) instanceof SequenceNode beans) {
                        // one item per bean, by name: an edit of one bean leaves the others of its list alone
                        for (Node bean : beans.getValue()) {
                            Object value = plain(bean);
                            Item item = new Item(BEANS, idOf(BEANS, value), file, bean.getStartMark().getLine() + 1, value);
                            items.put(item.key(), item);
                        }
                        continue;
                    }
                    Object value = plain(tuple.getValueNode());
                    String id = idOf(kind, value);
                    // an item without id is known by its content: an edit elsewhere does not move it
                    Item item = new Item(kind, id != null ? id : "#" + Integer.toHexString(value.hashCode()), file,
                            node.getStartMark().getLine() + 1, value);
                    items.put(item.key(), item);
                }
            }
        }
        return new RoutesFiles(Collections.unmodifiableMap(items), List.copyOf(files));
    }

    /** The list of a {@code beans:} item when each of its entries is a map with a name, else null. */
    private static Node namedBeans(Node value) {
        if (!(value instanceof SequenceNode list)) {
            return null;
        }
        for (Node bean : list.getValue()) {
            if (!(bean instanceof MappingNode map) || map.getValue().stream().noneMatch(t ->
                    t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name")
                            && t.getValueNode() instanceof ScalarNode)) {
                return null;
            }
        }
        return list;
    }

    static RoutesFiles empty() {
        return new RoutesFiles(Map.of(), List.of());
    }

    private static String idOf(String kind, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Object id = "templatedRoute".equals(kind) ? map.get("routeId") : BEANS.equals(kind) ? map.get("name") : map.get("id");
        return id instanceof String s ? s : null;
    }

    /** Strings, lists and maps, so that equal content compares equal. */
    private static Object plain(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            sequence.getValue().forEach(n -> list.add(plain(n)));
            return list;
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            map.put(plain(tuple.getKeyNode()), plain(tuple.getValueNode()));
        }
        return map;
    }
}
