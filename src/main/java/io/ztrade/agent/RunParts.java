package io.ztrade.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The parts of a run a step filled in or changed: no list of which step fills which part. */
final class RunParts {

    private RunParts() {
    }

    /** Each part of {@code after} that differs from {@code before}, by its name in {@link AgentRun}. */
    static Map<String, Object> changed(Object before, Object after) {
        Map<String, Object> parts = new LinkedHashMap<>();
        if (!(before instanceof AgentRun was) || !(after instanceof AgentRun is)) {
            return parts;
        }
        for (RecordComponent part : AgentRun.class.getRecordComponents()) {
            Object then = value(part, was);
            Object now = value(part, is);
            if (!Objects.equals(then, now)) {
                parts.put(part.getName(), now);
            }
        }
        return parts;
    }

    private static Object value(RecordComponent part, AgentRun run) {
        try {
            return part.getAccessor().invoke(run);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + part.getName() + " of a run: " + e.getMessage(), e);
        }
    }
}
