package io.ztrade.agent;

import io.ztrade.agent.steps.AnalysesJoin;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.EnrichDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.MulticastDefinition;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.ToDefinition;

/**
 * The pipeline's steps, read from the template itself rather than listed in Java: its nodes with an id of their own
 * that do a stage's work (a bean, an enrich, a multicast, a to), in the template's order, nested ones included (the
 * two analyses inside the multicast). Not steps: the gates (filter), the circuit breaker around risk, the record
 * (wireTap), the log line, the error handling's dead letter, the analyses' fork and join around the multicast (their
 * plumbing, {@link AnalysesJoin}), and the run's own first and last step on the {@value AgentRuns#BEAN} bean (start
 * and complete, between which the timings are taken). Renaming a node in the YAML
 * renames its step; adding one adds a step.
 */
public final class TemplateSteps {

    private TemplateSteps() {
    }

    /** Whether this node of a route made from the template is a step (see the class comment). */
    public static boolean isStep(NamedNode node) {
        if (!(node instanceof OptionalIdentifiedDefinition<?> identified) || !identified.hasCustomIdAssigned()
                || inErrorHandling(node)) {
            return false;
        }
        if (node instanceof BeanDefinition bean) {
            return !isRunsBean(bean.getRef()) && !AnalysesJoin.BEAN.equals(bean.getRef());
        }
        return node instanceof EnrichDefinition || node instanceof MulticastDefinition || node instanceof ToDefinition;
    }

    /** A node of the route configuration's onException blocks (the dead letter {@code runFailed}): not the pipeline. */
    private static boolean inErrorHandling(NamedNode node) {
        for (NamedNode parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof OnExceptionDefinition) {
                return true;
            }
        }
        return false;
    }

    /** The template's step ids, in its order; empty when no template is loaded. */
    public static List<String> of(CamelContext camel) {
        RouteTemplateDefinition template = camel.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteTemplateDefinition(AgentCatalog.TEMPLATE_ID);
        List<String> steps = new ArrayList<>();
        if (template != null) {
            collect(template.getRoute().getOutputs(), steps);
        }
        return List.copyOf(steps);
    }

    private static void collect(List<ProcessorDefinition<?>> nodes, List<String> steps) {
        for (ProcessorDefinition<?> node : nodes) {
            if (isStep(node)) {
                steps.add(node.getId());
            }
            collect(node.getOutputs(), steps);
        }
    }

    /** {@code agentRuns}, or the template's {@code {{agentRuns:agentRuns}}} (a throw-away route's local one). */
    private static boolean isRunsBean(String ref) {
        return ref != null && (ref.equals(AgentRuns.BEAN) || ref.startsWith("{{" + AgentRuns.BEAN + ":"));
    }
}
