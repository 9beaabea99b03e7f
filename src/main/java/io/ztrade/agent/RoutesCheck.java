package io.ztrade.agent;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;

/**
 * Start-up runs {@link RoutesValidator} over the files of {@code camel.main.routes-include-pattern} as soon as the
 * configuration is read: before the banner, before Camel builds a route. A bad entry stops start-up with its
 * one-line problems, the first lines of output, and no stack trace (registered in {@code META-INF/spring.factories}).
 */
public class RoutesCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String INCLUDE_PATTERN = "camel.main.routes-include-pattern";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Binder.get(event.getEnvironment()).bind(INCLUDE_PATTERN, String.class).ifBound(pattern -> {
            List<RoutesValidator.Problem> problems = RoutesValidator.validateIncluded(pattern).problems();
            if (!problems.isEmpty()) {
                throw new InvalidRoutesException(problems);
            }
        });
    }

    /** The route files have problems; start-up stops (exit code 1). */
    public static class InvalidRoutesException extends RuntimeException implements ExitCodeGenerator {

        private final List<RoutesValidator.Problem> problems;

        InvalidRoutesException(List<RoutesValidator.Problem> problems) {
            super(problems.stream().map(Object::toString).collect(Collectors.joining("\n")));
            this.problems = List.copyOf(problems);
        }

        public List<RoutesValidator.Problem> problems() {
            return problems;
        }

        @Override
        public int getExitCode() {
            return 1;
        }
    }

    /** Prints the problems alone, in place of Spring Boot's report and stack trace of the failed start. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class Reporter implements SpringBootExceptionReporter {

        public Reporter(ConfigurableApplicationContext context) {
        }

        @Override
        public boolean reportException(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof InvalidRoutesException invalid) {
                    invalid.problems().forEach(System.err::println);
                    System.err.println("ztrade: not started: " + invalid.problems().size()
                            + " problem(s) in the route files (bin/ztrade validate checks them without starting)");
                    return true;
                }
            }
            return false;
        }
    }
}
