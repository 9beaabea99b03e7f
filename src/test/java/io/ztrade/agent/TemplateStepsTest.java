package io.ztrade.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.FilterDefinition;
import org.apache.camel.model.LogDefinition;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.WireTapDefinition;
import org.junit.jupiter.api.Test;

/** Which nodes of the template are steps: by what they do, not by their names. */
class TemplateStepsTest {

    @Test
    void aStageBeanIsAStepUnderWhateverIdItHas() {
        assertThat(TemplateSteps.isStep(bean("decisionPolicy", "weigh"))).isTrue();
        assertThat(TemplateSteps.isStep(new ToDefinition("{{orderUri}}").id("broker"))).isTrue();
    }

    @Test
    void theRunsOwnBookkeepingGatesTapLogAndDeadLetterAreNotSteps() {
        assertThat(TemplateSteps.isStep(bean("{{agentRuns:agentRuns}}", "start"))).isFalse();
        assertThat(TemplateSteps.isStep(bean("agentRuns", "complete"))).isFalse();
        assertThat(TemplateSteps.isStep(new FilterDefinition().id("whenTrade"))).isFalse();
        @SuppressWarnings("rawtypes")
        WireTapDefinition tap = new WireTapDefinition();
        tap.id("performance");
        assertThat(TemplateSteps.isStep(tap)).isFalse();
        assertThat(TemplateSteps.isStep(new LogDefinition("x").id("summary"))).isFalse();
        OnExceptionDefinition onException = new OnExceptionDefinition();
        ToDefinition runFailed = new ToDefinition("direct:runFailed").id("runFailed");
        runFailed.setParent(onException);
        assertThat(TemplateSteps.isStep(runFailed)).isFalse();
    }

    @Test
    void aNodeWithoutAnIdOfItsOwnIsNotAStep() {
        BeanDefinition anonymous = new BeanDefinition();
        anonymous.setRef("decisionPolicy");
        assertThat(TemplateSteps.isStep(anonymous)).isFalse();
    }

    private static BeanDefinition bean(String ref, String id) {
        BeanDefinition bean = new BeanDefinition();
        bean.setRef(ref);
        bean.setMethod("apply");
        return bean.id(id);
    }
}
