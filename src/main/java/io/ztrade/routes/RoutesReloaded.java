package io.ztrade.routes;

import java.util.Set;

/** Published after live reload applied an edit: the route ids it added, changed and removed (agents among them). */
public record RoutesReloaded(Set<String> added, Set<String> changed, Set<String> removed) {
}
