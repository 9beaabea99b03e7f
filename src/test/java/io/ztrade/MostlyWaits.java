package io.ztrade;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Order;

/**
 * A test class that mostly waits (held broker answers, timers, other nodes) rather than computes: it runs first
 * (JUnit's ClassOrderer$OrderAnnotation, junit-platform.properties), while the CPU-bound classes that start nodes in
 * JVMs of their own run beside it, so its idle time goes to them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Order(1)
public @interface MostlyWaits {
}
