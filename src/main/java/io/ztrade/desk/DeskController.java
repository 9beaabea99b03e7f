package io.ztrade.desk;

import io.ztrade.agent.AgentScheduler;
import io.ztrade.risk.EffectiveMode;
import io.ztrade.risk.ModeSetting;
import io.ztrade.risk.TradingHolds;

import io.ztrade.agent.AgentCatalog;
import io.ztrade.agent.AgentSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk's state: its mode and each agent's (HALTED: no orders; REDUCE_ONLY: only orders that shrink a position),
 * and which agents are paused. Operators tighten a mode, admins also loosen it (ACTIVE acknowledges a hold).
 */
@RestController
@RequestMapping("/api")
class DeskController {

    private final AgentCatalog catalog;
    private final AgentScheduler scheduler;
    private final DeskOperations operations;
    private final DeskState desk;

    DeskController(AgentCatalog catalog, AgentScheduler scheduler, DeskOperations operations, DeskState desk) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.operations = operations;
        this.desk = desk;
    }

    /** A change of mode; {@code reason} is required for REDUCE_ONLY and HALTED. */
    record ModeRequest(String mode, String reason) {
    }

    record ModeView(String scope, String mode, String reason, String source, String setBy, Instant setAt, String summary) {
        static ModeView of(ModeSetting setting) {
            return new ModeView(setting.scope(), setting.mode().name(), setting.reason(), setting.source(),
                    setting.setBy(), setting.setAt(), setting.describe());
        }
    }

    /**
     * One agent: its own mode (and {@code summary}: who set it, when, why), the one it trades under (the stricter of
     * the desk's and its own) and whether its schedule is paused.
     */
    record AgentModeView(String id, String mode, String effectiveMode, String reason, String source, String setBy,
                         Instant setAt, String summary, boolean paused) {
    }

    record DeskView(ModeView desk, List<AgentModeView> agents, Instant at) {
    }

    @GetMapping("/desk")
    DeskView state() {
        Map<String, ModeSetting> settings;
        try {
            settings = desk.settings();
        } catch (DataAccessException e) {
            throw new IllegalStateException("the desk state cannot be read: " + e.getMostSpecificCause().getMessage(), e);
        }
        ModeSetting deskMode = settings.getOrDefault(TradingHolds.DESK, ModeSetting.active(TradingHolds.DESK));
        List<AgentModeView> agents = catalog.all().stream().map(agent -> agentView(agent, deskMode, settings)).toList();
        return new DeskView(ModeView.of(deskMode), agents, Instant.now());
    }

    @RequestMapping(path = "/desk/mode", method = {RequestMethod.PUT, RequestMethod.POST})
    ModeView setDesk(@RequestBody(required = false) ModeRequest request) {
        ModeRequest body = required(request);
        return ModeView.of(operations.setMode(TradingHolds.DESK, body.mode(), body.reason(), "api"));
    }

    @RequestMapping(path = "/agents/{id}/mode", method = {RequestMethod.PUT, RequestMethod.POST})
    ModeView setAgent(@PathVariable String id, @RequestBody(required = false) ModeRequest request) {
        ModeRequest body = required(request);
        return ModeView.of(operations.setMode(id, body.mode(), body.reason(), "api"));
    }

    private AgentModeView agentView(AgentSettings agent, ModeSetting deskMode, Map<String, ModeSetting> settings) {
        ModeSetting own = settings.getOrDefault(agent.agentId(), ModeSetting.active(agent.agentId()));
        EffectiveMode effective = EffectiveMode.of(deskMode, own);
        return new AgentModeView(agent.agentId(), own.mode().name(), effective.mode().name(), own.reason(), own.source(),
                own.setBy(), own.setAt(), own.describe(), scheduler.schedule(agent).paused());
    }

    private static ModeRequest required(ModeRequest request) {
        if (request == null || request.mode() == null) {
            throw new IllegalArgumentException("request body must be {\"mode\": \"ACTIVE|REDUCE_ONLY|HALTED\", \"reason\": \"...\"}");
        }
        return request;
    }
}
