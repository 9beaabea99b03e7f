package io.ztrade.management.security;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The allow-list itself: signatures, overloads and ObjectName patterns that could widen it. */
class JolokiaPolicyRulesTest {

    private static final String CONTEXT = "org.apache.camel:context=ztrade,type=context,name=\"ztrade\"";

    @Test
    void anEntryWithASignatureAllowsThatOverloadOnly() throws MalformedObjectNameException {
        assertThat(JolokiaPolicy.operation(name(CONTEXT), "dumpRoutesAsXml()")).contains(Role.VIEWER);
        assertThat(JolokiaPolicy.operation(name(CONTEXT), "dumpRoutesAsXml( )")).contains(Role.VIEWER);
        // these resolve property placeholders (secrets) or name no overload at all
        assertThat(JolokiaPolicy.operation(name(CONTEXT), "dumpRoutesAsXml(boolean,boolean)")).isEmpty();
        assertThat(JolokiaPolicy.operation(name(CONTEXT), "dumpRoutesAsXml")).isEmpty();
        assertThat(JolokiaPolicy.operation(name(CONTEXT), "dumpRoutesStatsAsXml(boolean, boolean)")).contains(Role.VIEWER);
        assertThat(JolokiaPolicy.operation(name(CONTEXT), "sendStringBody(java.lang.String,java.lang.String)")).isEmpty();
        assertThat(JolokiaPolicy.operation(name(CONTEXT), "(")).isEmpty();
    }

    @Test
    void rolesGoUpTheHierarchy() throws MalformedObjectNameException {
        assertThat(JolokiaPolicy.operation(name("io.ztrade:context=ztrade,type=agents,name=a"), "pause")).contains(Role.OPERATOR);
        assertThat(JolokiaPolicy.operation(name("io.ztrade:context=ztrade,type=desk"), "killSwitch(java.lang.String)"))
                .contains(Role.ADMIN);
        // a mode: operators may call it; DeskOperations refuses them a loosening
        assertThat(JolokiaPolicy.operation(name("io.ztrade:context=ztrade,type=desk"), "setMode(java.lang.String,java.lang.String)"))
                .contains(Role.OPERATOR);
        assertThat(JolokiaPolicy.operation(name("io.ztrade:context=ztrade,type=agents,name=a"), "setMode")).contains(Role.OPERATOR);
        assertThat(JolokiaPolicy.operation(name("io.ztrade:context=*,type=agents,name=a"), "setMode")).isEmpty();
        ObjectName route = name("org.apache.camel:context=ztrade,type=routes,name=\"submit-order\"");
        assertThat(JolokiaPolicy.operation(route, "stop()")).contains(Role.ADMIN);
        assertThat(JolokiaPolicy.operation(route, "stop(long)")).isEmpty();
        assertThat(JolokiaPolicy.operation(route, "dumpRouteStatsAsXml")).contains(Role.VIEWER);
        assertThat(JolokiaPolicy.operation(route, "updateRouteFromXml")).isEmpty();
    }

    @Test
    void reconciliationRunsForOperatorsAndIsAcknowledgedByAdmins() throws MalformedObjectNameException {
        ObjectName reconciliation = name("io.ztrade:context=ztrade,type=reconciliation");
        assertThat(JolokiaPolicy.operation(reconciliation, "reconcile()")).contains(Role.OPERATOR);
        assertThat(JolokiaPolicy.operation(reconciliation, "acknowledge(long)")).contains(Role.ADMIN);
        assertThat(JolokiaPolicy.operation(name("io.ztrade:context=*,type=reconciliation"), "reconcile")).isEmpty();
        assertThat(JolokiaPolicy.operation(name("io.ztrade:context=ztrade,type=agents,name=a"), "reconcile")).isEmpty();
    }

    @Test
    void patternsThatCouldReachOtherMBeansMatchNothing() throws MalformedObjectNameException {
        assertThat(JolokiaPolicy.operation(name("*:type=desk"), "killSwitch")).isEmpty();
        assertThat(JolokiaPolicy.operation(name("io.ztrade:type=de*k,context=ztrade"), "killSwitch")).isEmpty();
        assertThat(JolokiaPolicy.operation(name("io.ztrade:*"), "killSwitch")).isEmpty();
        assertThat(JolokiaPolicy.operation(name("io.ztrade:type=\"desk\""), "killSwitch")).isEmpty();
        // a change names one MBean: a pattern of the right domain and type would still run on every match
        assertThat(JolokiaPolicy.operation(name("io.ztrade:context=*,type=desk"), "killSwitch")).isEmpty();
        assertThat(JolokiaPolicy.operation(name("org.apache.camel:context=ztrade,type=routes,name=*"), "stop()")).isEmpty();
        assertThat(JolokiaPolicy.write(name("java.lang:type=Threading,*"), "ThreadCpuTimeEnabled")).isEmpty();
    }

    @Test
    void secretsAreNotReadableWhateverTheMBean() throws MalformedObjectNameException {
        assertThat(JolokiaPolicy.readable(name("java.lang:type=Runtime"), "SystemProperties")).isFalse();
        assertThat(JolokiaPolicy.readable(name("java.lang:type=Runtime"), "Uptime")).isTrue();
        assertThat(JolokiaPolicy.readable(name("com.sun.management:type=DiagnosticCommand"), "MBeanInfo")).isFalse();
        assertThat(JolokiaPolicy.readable(name("com.example:type=Pool"), "Password")).isFalse();
        assertThat(JolokiaPolicy.readable(name("com.example:type=Pool"), "apiKey")).isFalse();
        assertThat(JolokiaPolicy.readable(name("com.example:name=x"), "SecretKey")).isFalse();
        assertThat(JolokiaPolicy.write(name("java.lang:type=Memory"), "Verbose")).isEmpty();
        assertThat(JolokiaPolicy.write(name("java.lang:type=Threading"), "ThreadCpuTimeEnabled")).contains(Role.ADMIN);
    }

    private static ObjectName name(String text) throws MalformedObjectNameException {
        return new ObjectName(text);
    }
}
