package io.ztrade.management.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * Who may do what through Jolokia (and so Hawtio), decided on Jolokia's parsed request: the MBean, the attribute or
 * the operation. Everything not listed here is refused, admins included.
 * <ul>
 *   <li>Reads: every viewer, except attributes that carry the JVM's system properties, command line, class path or
 *       anything named like a secret, which no one reads ({@code -Dztrade.alpaca.secret-key=...} would show).</li>
 *   <li>Operations: an explicit list per MBean domain and {@code type}: the read-only ones Hawtio's Camel, JMX,
 *       Threads and Spring Boot tabs call (viewer), the agents' run, pause and resume and the agents' and the desk's
 *       {@code setMode} (operator; loosening is checked again for admin), the desk's kill switch and a route's start, stop, suspend and resume (admin). An entry without a signature allows every
 *       overload; one with a signature only that overload ({@code dumpRoutesAsXml()} does not resolve property
 *       placeholders, {@code dumpRoutesAsXml(boolean,...)} may).</li>
 *   <li>Attribute writes: admins, two thread-monitoring switches of Hawtio's Threads tab only.</li>
 * </ul>
 * Never allowed over HTTP, because they run code, write files or show secrets: Camel's {@code send*},
 * {@code request*}, {@code createEndpoint}, route updates, removals and the debugger; {@code HotSpotDiagnostic}
 * (heap dumps), {@code DiagnosticCommand}, Jolokia's own and Hawtio's Quartz facade.
 */
final class JolokiaPolicy {

    /** Operations of the MBeans of one domain and {@code type}, for a role and the roles above it. */
    record Rule(String domain, String type, Role role, Set<String> operations) {
    }

    static final List<Rule> OPERATIONS = List.of(
            // Hawtio's Threads tab and deadlock check
            rule("java.lang", "Threading", Role.VIEWER, "dumpAllThreads(boolean,boolean)", "findDeadlockedThreads()",
                    "findMonitorDeadlockedThreads()"),
            // Hawtio's own: which buttons to show (canInvoke), the MBean tree (RBACRegistry list)
            rule("hawtio", "security", Role.VIEWER, "canInvoke", "list"),
            // Hawtio's Camel tab: route diagram, source, statistics, endpoints, REST services, inflight exchanges
            rule("org.apache.camel", "context", Role.VIEWER, "dumpRoutesAsXml()", "dumpRoutesAsYaml()", "dumpRestsAsXml()",
                    "dumpRoutesStatsAsXml", "dumpRouteStatsAsJSon", "dumpStepStatsAsXml", "dumpRoutesCoverageAsXml",
                    "dumpRouteTemplatesAsXml", "dumpStatsAsXml", "dumpStatsAsJSon", "componentNames", "languageNames",
                    "dataFormatNames", "routeIds", "routeGroups"),
            rule("org.apache.camel", "routes", Role.VIEWER, "dumpRouteAsXml()", "dumpRouteAsYaml()", "dumpRouteStatsAsXml",
                    "dumpRouteStatsAsJSon", "dumpStepStatsAsXml", "dumpStatsAsXml", "dumpStatsAsJSon",
                    "dumpRouteSourceLocationsAsXml", "processorIds", "isUpdateRouteEnabled"),
            rule("org.apache.camel", "processors", Role.VIEWER, "dumpStatsAsXml", "dumpStatsAsJSon", "dumpProcessorAsXml()"),
            rule("org.apache.camel", "steps", Role.VIEWER, "dumpStatsAsXml", "dumpStatsAsJSon"),
            rule("org.apache.camel", "services", Role.VIEWER, "listRestServices", "endpointStatistics", "browse()"),
            // Hawtio's Spring Boot tab (only health and info are exposed over JMX)
            rule("org.springframework.boot", "Endpoint", Role.VIEWER, "health", "info"),
            // the agents and the desk (AgentMXBean, DeskMXBean): audited again by DeskOperations
            rule("io.ztrade", "agents", Role.OPERATOR, "runNow", "runNowForced", "pause", "resume"),
            rule("io.ztrade", "desk", Role.ADMIN, "killSwitch"),
            // reconciliation (ReconcileMXBean): a pass reads the broker and completes records, never orders; an
            // acknowledgement accepts a difference, so admins only (both audited by ReconcileOperations)
            rule("io.ztrade", "reconciliation", Role.OPERATOR, "reconcile"),
            rule("io.ztrade", "reconciliation", Role.ADMIN, "acknowledge"),
            // a trading mode: operators tighten, DeskOperations lets only admins loosen
            rule("io.ztrade", "agents", Role.OPERATOR, "setMode"),
            rule("io.ztrade", "desk", Role.OPERATOR, "setMode"),
            rule("org.apache.camel", "routes", Role.ADMIN, "start()", "stop()", "suspend()", "resume()", "restart()"));

    /** Attribute writes, by domain and {@code type}; admins only. */
    static final Map<String, Set<String>> WRITES = Map.of(
            "java.lang:Threading", Set.of("ThreadContentionMonitoringEnabled", "ThreadCpuTimeEnabled"));

    /** Attributes no one reads, by domain and {@code type} ({@code *}: all of that MBean's). */
    static final Map<String, Set<String>> HIDDEN = Map.of(
            "java.lang:Runtime", Set.of("SystemProperties", "InputArguments", "ClassPath", "BootClassPath", "LibraryPath"),
            "com.sun.management:DiagnosticCommand", Set.of("*"));

    /** Any attribute named like one of these, on any MBean, is not read either. */
    private static final Pattern SECRET_NAMES = Pattern.compile("(?i).*(password|passwd|secret|token|credential|api_?key"
            + "|private_?key|system_?propert|environment|command_?line|input_?arguments|class_?path).*");

    private JolokiaPolicy() {
    }

    /** The least role that may run {@code operation} (as Jolokia got it, signature optional) on {@code name}. */
    static Optional<Role> operation(ObjectName name, String operation) {
        String type = literalType(name);
        // one MBean per change: a pattern would run it on every match (all routes stopped in one call), and the
        // audit row would name the pattern, not what changed
        if (type == null || operation == null || name.isPattern()) {
            return Optional.empty();
        }
        String signature = operation.replaceAll("\\s", "");
        int parenthesis = signature.indexOf('(');
        String bare = parenthesis < 0 ? signature : signature.substring(0, parenthesis);
        return OPERATIONS.stream()
                .filter(rule -> rule.domain().equals(name.getDomain()) && rule.type().equals(type))
                // an entry without parentheses allows every overload; one with them, exactly that one
                .filter(rule -> rule.operations().contains(signature)
                        || rule.operations().contains(bare) && !bare.isEmpty())
                .map(Rule::role).min(Enum::compareTo);
    }

    /** Admins may write the few attributes listed; no one else writes. */
    static Optional<Role> write(ObjectName name, String attribute) {
        String type = literalType(name);
        return type != null && !name.isPattern() && WRITES.getOrDefault(name.getDomain() + ":" + type, Set.of()).contains(attribute)
                ? Optional.of(Role.ADMIN) : Optional.empty();
    }

    /** Whether any viewer may read {@code attribute}; no one may read a hidden one. */
    static boolean readable(ObjectName name, String attribute) {
        if (attribute != null && SECRET_NAMES.matcher(attribute).matches()) {
            return false;
        }
        String type = name.getKeyProperty("type");
        if (name.isDomainPattern() || type == null) {
            // a pattern's matches are checked one by one; a name without a type is hidden only by its attribute
            return true;
        }
        Set<String> hidden = HIDDEN.getOrDefault(name.getDomain() + ":" + type, Set.of());
        return !hidden.contains("*") && !hidden.contains(attribute);
    }

    /** The {@code type} key when the domain and the type are literal (a pattern could reach other MBeans). */
    private static String literalType(ObjectName name) {
        if (name == null || name.isDomainPattern()) {
            return null;
        }
        String type = name.getKeyProperty("type");
        if (type == null || name.isPropertyValuePattern() && name.isPropertyValuePattern("type")) {
            return null;
        }
        return type;
    }

    private static Rule rule(String domain, String type, Role role, String... operations) {
        return new Rule(domain, type, role, Set.of(operations));
    }
}
