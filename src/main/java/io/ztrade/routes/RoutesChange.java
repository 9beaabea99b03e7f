package io.ztrade.routes;

import io.ztrade.routes.RoutesFiles.Item;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an edit of the route files changes, by route id: routes (agents, or plain routes) added, changed or removed,
 * and the templates and route configurations that changed. A route whose template or any route configuration
 * changed counts as changed too (a template edit touches every agent made from it); every other route stays as it
 * runs. The scripted steps' beans added, changed or removed are named in {@code beans} ({@link ScriptedStepBeans});
 * items of other kinds (other beans, rest, ...) are not reloaded: a change there needs a restart.
 */
record RoutesChange(Set<String> added, Set<String> changed, Set<String> removed, Set<String> templates,
                    Set<String> configurations, Set<String> beans, List<Item> needRestart) {

    static RoutesChange between(RoutesFiles before, RoutesFiles after) {
        Set<String> templates = differing(before, after, "routeTemplate");
        Set<String> configurations = differing(before, after, "routeConfiguration");
        Set<String> added = new TreeSet<>();
        Set<String> changed = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        for (String key : keys(before, after)) {
            Item was = before.items().get(key);
            Item is = after.items().get(key);
            Item either = is != null ? is : was;
            if (!either.kind().equals("templatedRoute") && !either.kind().equals("route")) {
                continue;
            }
            if (was == null) {
                added.add(is.id());
            } else if (is == null) {
                removed.add(was.id());
            } else if (!was.value().equals(is.value()) || templates.contains(is.templateRef())
                    || !configurations.isEmpty()) {
                changed.add(is.id());
            }
        }
        List<Item> needRestart = new ArrayList<>();
        Set<String> beans = new TreeSet<>();
        for (String key : keys(before, after)) {
            Item was = before.items().get(key);
            Item is = after.items().get(key);
            Item either = is != null ? is : was;
            if (RoutesFiles.RELOADABLE.contains(either.kind()) || sameValue(was, is)) {
                continue;
            }
            // a scripted step: added, changed or removed; changed from or into another kind of bean: a restart
            if ((was == null || ScriptedStepBeans.isScriptedStep(was)) && (is == null || ScriptedStepBeans.isScriptedStep(is))) {
                beans.add(either.id());
            } else {
                needRestart.add(either);
            }
        }
        return new RoutesChange(added, changed, removed, templates, configurations, beans, needRestart);
    }

    boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && templates.isEmpty()
                && configurations.isEmpty() && beans.isEmpty() && needRestart.isEmpty();
    }

    /** The routes to stop and remove first: removed and changed ones. */
    Set<String> toRemove() {
        Set<String> ids = new TreeSet<>(removed);
        ids.addAll(changed);
        return ids;
    }

    /** The routes to add once templates and configurations are in place: added and changed ones. */
    Set<String> toAdd() {
        Set<String> ids = new TreeSet<>(added);
        ids.addAll(changed);
        return ids;
    }

    @Override
    public String toString() {
        return "added " + added + ", changed " + changed + ", removed " + removed
                + (templates.isEmpty() ? "" : ", templates " + templates)
                + (configurations.isEmpty() ? "" : ", route configurations " + configurations)
                + (beans.isEmpty() ? "" : ", scripted steps' beans " + beans);
    }

    private static Set<String> differing(RoutesFiles before, RoutesFiles after, String kind) {
        Set<String> ids = new TreeSet<>();
        for (String key : keys(before, after)) {
            Item was = before.items().get(key);
            Item is = after.items().get(key);
            Item either = is != null ? is : was;
            if (either.kind().equals(kind) && !sameValue(was, is)) {
                ids.add(either.id());
            }
        }
        return ids;
    }

    private static boolean sameValue(Item was, Item is) {
        return was != null && is != null && Objects.equals(was.value(), is.value());
    }

    private static Set<String> keys(RoutesFiles before, RoutesFiles after) {
        Set<String> keys = new LinkedHashSet<>(before.items().keySet());
        keys.addAll(after.items().keySet());
        return keys;
    }
}
