// The runs console: plain JavaScript over the REST API, refreshed every 10 seconds. Text is always set with
// textContent (never innerHTML), so nothing a run recorded can run as script here.
"use strict";

const STATUSES = ["FILLED", "ORDER_SUBMITTED", "HOLD", "SKIPPED_MARKET_CLOSED", "REJECTED_BY_RISK",
  "REJECTED_BY_BROKER", "BLOCKED_KILL_SWITCH", "FAILED", "RUNNING", "DRY_RUN", "INTERRUPTED"];
const RUNS_PER_AGENT = 25;
// statuses the failures panel lists with their reason; their cells carry a mark, not only a colour
const FAILURE_STATUSES = ["FAILED", "INTERRUPTED", "REJECTED_BY_BROKER"];
// each view's refresh (portfolio.js, schedule.js), called with the console's own every 10 seconds
const REFRESH_HOOKS = [];
let me = { name: "", roles: [] };
let selectedRun = null;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    // an instant quoted in server text reads as the console's other times do (times.js)
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : humanTimes(String(child)));
  }
  return node;
}

function csrfToken() {
  const cookie = document.cookie.split("; ").find(c => c.startsWith("XSRF-TOKEN="));
  return cookie ? decodeURIComponent(cookie.substring("XSRF-TOKEN=".length)) : "";
}

async function api(path, options) {
  const init = Object.assign({ headers: { "Accept": "application/json" }, credentials: "same-origin" }, options || {});
  if (init.method === "POST" || init.method === "PUT") init.headers["X-XSRF-TOKEN"] = csrfToken();
  const response = await fetch(path, init);
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error((body && body.message) || response.status + " " + response.statusText);
  return body;
}

function can(role) {
  const order = ["VIEWER", "OPERATOR", "ADMIN"];
  return me.roles.some(r => order.indexOf(r) >= order.indexOf(role));
}

function say(text) {
  document.getElementById("message").textContent = humanTimes(text);
}

async function act(path, done) {
  try {
    await api(path, { method: "POST" });
    say(done);
    await refresh();
  } catch (e) {
    say("Refused: " + e.message);
  }
}

async function refreshDesk() {
  const state = await api("/api/kill-switch");
  const badge = document.getElementById("kill-switch");
  badge.textContent = "kill switch " + (state.engaged ? "ON" : "off");
  badge.className = "badge " + (state.engaged ? "on" : "off");
  const toggle = document.getElementById("kill-switch-toggle");
  toggle.hidden = !can("ADMIN");
  toggle.textContent = state.engaged ? "Turn kill switch off" : "Turn kill switch ON";
  toggle.onclick = () => act("/api/kill-switch/" + (state.engaged ? "off" : "on"), "kill switch flipped");
}

// --- desk and agent modes (durable desk state): a banner while anything is not ACTIVE, and the controls ---

const MODE_ORDER = ["ACTIVE", "REDUCE_ONLY", "HALTED"];

async function setMode(scope, mode) {
  const reason = document.getElementById("mode-reason").value.trim();
  const path = scope === "desk" ? "/api/desk/mode" : "/api/agents/" + encodeURIComponent(scope) + "/mode";
  try {
    await api(path, { method: "POST", headers: { "Accept": "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ mode: mode, reason: reason }) });
    say((scope === "desk" ? "desk" : scope) + " is " + mode + " now");
    await refresh();
  } catch (e) {
    say("Refused: " + e.message);
  }
}

function modeButtons(scope, mode) {
  const buttons = [];
  for (const target of MODE_ORDER) {
    if (target === mode) continue;
    const loosens = MODE_ORDER.indexOf(target) < MODE_ORDER.indexOf(mode);
    if (!can(loosens ? "ADMIN" : "OPERATOR")) continue;
    buttons.push(el("button", { "data-scope": scope, "data-mode": target, onclick: () => setMode(scope, target) },
      target === "ACTIVE" ? "Set ACTIVE" : target === "HALTED" ? "Halt" : "Reduce only"), " ");
  }
  return buttons;
}

function modeRow(scope, mode, effective, summary) {
  return el("tr", { "data-scope": scope },
    el("td", {}, el("b", {}, scope)), el("td", { class: "mode " + mode }, mode),
    el("td", { class: "mode " + effective }, effective),
    el("td", {}, mode === "ACTIVE" && effective === "ACTIVE" ? "" : summary), el("td", {}, ...modeButtons(scope, mode)));
}

async function refreshModes() {
  const state = await api("/api/desk");
  const banner = document.getElementById("desk-banner");
  const lines = [];
  if (state.desk.mode !== "ACTIVE") lines.push(el("div", {}, state.desk.summary));
  for (const agent of state.agents) {
    if (agent.mode !== "ACTIVE") lines.push(el("div", {}, agent.summary));
  }
  banner.replaceChildren(...lines);
  banner.hidden = lines.length === 0;
  banner.className = state.desk.mode === "HALTED" || state.agents.some(a => a.mode === "HALTED") ? "HALTED" : "REDUCE_ONLY";
  document.getElementById("mode-controls").hidden = !can("OPERATOR");
  document.querySelector("#modes tbody").replaceChildren(
    modeRow("desk", state.desk.mode, state.desk.mode, state.desk.summary),
    ...state.agents.map(a => modeRow(a.id, a.mode, a.effectiveMode, a.summary)));
}

// --- end of desk and agent modes ---

// --- broken routes (live reload refused an edit of routes/): a banner with each problem's file and line ---

async function refreshRoutes() {
  const routes = await api("/api/routes");
  const banner = document.getElementById("routes-banner");
  const lines = [];
  if (routes.state === "BROKEN") {
    lines.push(el("div", {}, "Broken routes: the edit of " + routes.directory + " was not applied; the agents run on the routes of "
      + (routes.appliedAt ? whenText(routes.appliedAt) : "start-up") + ". Fix the file and save it again."));
    for (const problem of routes.problems) lines.push(el("div", { class: "problem" }, problem.text));
  }
  banner.replaceChildren(...lines);
  banner.hidden = lines.length === 0;
}

// --- end of broken routes ---

async function refreshGrid() {
  const agents = await api("/api/agents");
  const body = document.querySelector("#grid tbody");
  const rows = [];
  for (const agent of agents) {
    const runs = (await api("/api/runs?agent=" + encodeURIComponent(agent.id) + "&limit=" + RUNS_PER_AGENT)).reverse();
    const cells = el("div", { class: "cells" }, ...runs.map(run => el("span", {
      class: "cell " + run.status + (selectedRun === run.runId ? " selected" : ""),
      title: whenText(run.startedAt) + " " + run.status + (run.error ? ": " + run.error : ""),
      "data-run": run.runId, "data-status": run.status,
      onclick: () => showRun(run.runId)
    }, FAILURE_STATUSES.includes(run.status) ? "\u00d7" : null)));
    const actions = el("td", {});
    if (can("OPERATOR")) {
      actions.append(el("button", { "data-action": "run-now", onclick: () => runNow(agent.id) }, "Run now"), " ",
        el("button", { onclick: () => act("/api/agents/" + agent.id + (agent.paused ? "/resume" : "/pause"), agent.id + (agent.paused ? " resumed" : " paused")) },
          agent.paused ? "Resume" : "Pause"));
    }
    rows.push(el("tr", { "data-agent": agent.id },
      el("td", {}, el("b", {}, agent.id), " ", agent.symbol, agent.paused ? el("span", { class: "paused" }, " paused") : null),
      el("td", {}, el("code", {}, agent.schedule), " New York time", el("br"), "next ",
        agent.nextFireTime ? whenText(agent.nextFireTime) : "-"),
      el("td", {}, cells), actions));
  }
  body.replaceChildren(...rows);
}

function stepRows(run) {
  const f = (label, value) => value === null || value === undefined ? null : label + "=" + value;
  const join = (...parts) => parts.filter(p => p !== null).join("  ");
  return [
    ["marketHours", "scheduled " + whenText(run.scheduledAt) + (run.trigger ? " (" + run.trigger + ")" : ""),
      run.status === "SKIPPED_MARKET_CLOSED" ? "closed: " + (run.note || "") : "open"],
    ["marketData", run.symbol, join(f("price", run.price), f("bid", run.bid), f("ask", run.ask))],
    ["sentiment", run.symbol + " news", run.sentimentUnavailable ? "unavailable: " + run.sentimentUnavailable
      : join(f("score", run.sentimentScore), f("confidence", run.sentimentConfidence))],
    ["technical", "bars of " + run.symbol, join(f("signal", run.technicalSignal), f("confidence", run.technicalConfidence))],
    ["decision", "sentiment, technical", join(f("decision", run.decision), f("score", run.decisionScore), run.rationale)],
    ["risk", "decision, account, position", join(f("verdict", run.riskVerdict), run.riskReasons,
      f("side", run.orderSide), f("qty", run.orderQty), f("notional", run.orderNotional))],
    ["broker", "sized order", join(f("clientOrderId", run.clientOrderId), f("brokerOrderId", run.brokerOrderId),
      f("status", run.orderStatus), f("filled", run.fillQty), f("at", run.fillPrice))],
    ["performance", "the whole run", join(f("status", run.status), run.note, f("error", run.error))]
  ];
}

async function showRun(runId) {
  selectedRun = runId;
  const run = await api("/api/runs/" + encodeURIComponent(runId));
  document.getElementById("run").hidden = false;
  document.getElementById("run-id").textContent = run.agentId + " " + run.runId;
  const summary = document.getElementById("run-summary");
  summary.replaceChildren();
  for (const [key, value] of [["status", run.status + (run.degraded ? " (degraded)" : "")], ["trigger", run.trigger],
    ["scheduled", run.scheduledAt && whenText(run.scheduledAt)], ["started", run.startedAt && whenText(run.startedAt)],
    ["finished", run.finishedAt && whenText(run.finishedAt)],
    ["note", run.note], ["error", run.error]]) {
    if (value) summary.append(el("dt", {}, key), el("dd", {}, value));
  }
  const timings = run.stepTimings || [];
  const total = Math.max(1, ...timings.map(t => t.startMs + t.durationMs));
  document.getElementById("gantt").replaceChildren(...timings.map(t => el("div", { class: "bar-row", "data-step": t.step },
    el("span", { class: "label" }, t.step),
    el("span", { class: "bar", style: "left:" + (100 * t.startMs / total) + "%;width:" + (100 * t.durationMs / total) + "%" }),
    el("span", { class: "ms", style: "left:calc(" + (100 * (t.startMs + t.durationMs) / total) + "% + 4px)" },
      t.durationMs.toFixed(1) + " ms"))));
  document.querySelector("#steps tbody").replaceChildren(...stepRows(run).map(([step, reads, wrote]) =>
    el("tr", {}, el("td", {}, step), el("td", {}, reads), el("td", {}, el("pre", {}, wrote || "")))));
  document.querySelectorAll(".cell").forEach(c => c.classList.toggle("selected", c.dataset.run === runId));
  document.dispatchEvent(new CustomEvent("ztrade:run-shown", { detail: run }));
}

// backtests: the list, and the selected one's figures, equity (with buy and hold of the same capital and each trade
// marked) and drawdown curves
let selectedBacktest = null;
const backtestCharts = {};

function percent(x) {
  return x === null || x === undefined ? "" : (100 * x).toFixed(2) + " %";
}

function fixed(x, digits) {
  return x === null || x === undefined ? "n/a" : x.toFixed(digits);
}

function dollars(x) {
  return x === null || x === undefined ? "n/a" : (x < 0 ? "-$" : "$") + Math.abs(x).toFixed(2);
}

function holding(minutes) {
  if (minutes === null || minutes === undefined) return "n/a";
  return minutes < 120 ? minutes.toFixed(1) + " min" : minutes < 48 * 60 ? (minutes / 60).toFixed(1) + " hours"
    : (minutes / 1440).toFixed(1) + " days";
}

async function refreshBacktests() {
  const jobs = await api("/api/backtests?limit=20");
  document.querySelector("#backtests tbody").replaceChildren(...jobs.map(job => {
    const r = job.report;
    const row = el("tr", { "data-backtest": job.id, class: "clickable", onclick: () => showBacktest(job.id) },
      el("td", {}, job.id), el("td", {}, job.agent), el("td", {}, job.status),
      el("td", {}, job.progress.percent.toFixed(0) + " %"),
      el("td", {}, r ? percent(r.totalReturn) : ""), el("td", {}, r ? percent(r.benchmarkReturn) : ""),
      el("td", {}, r && r.sharpe !== null && r.sharpe !== undefined ? r.sharpe.toFixed(2) : ""),
      el("td", {}, r ? percent(r.maxDrawdown) : ""), el("td", {}, r ? r.trades : ""));
    row.classList.toggle("selected", job.id === selectedBacktest);
    return row;
  }));
  if (selectedBacktest) await showBacktest(selectedBacktest);
}

// what the replay used first (a report from before these figures has no inputs)
function backtestFigures(r) {
  const i = r.inputs;
  const sentiment = !i ? "not recorded in this report"
    : i.sentiment === "none" ? "none: technical only, " + percent(i.decisionWeightLeftOut) + " of the live decision left out"
    : "recorded: " + i.sentimentReadings + " readings, " + percent(i.sentimentCoverage) + " of runs had one; "
      + percent(i.decisionWeightLeftOut) + " of the live decision left out";
  const fills = !i ? "" : "at the run's price moved " + i.fills.slippageBps + " bps against the order, commission "
    + dollars(i.fills.commissionPerOrder) + " + " + i.fills.commissionBps + " bps";
  const figures = [
    ["sentiment", sentiment], ["fills", fills],
    ["buy and hold", percent(r.benchmarkReturn) + " of " + dollars(r.benchmarkCapital)
      + " (the agent's maxPositionValue); the price " + percent(r.priceReturn)],
    ["capital deployed", "average " + dollars(r.averageDeployed) + ", max " + dollars(r.maxDeployed)],
    ["Sharpe / Sortino / Calmar", fixed(r.sharpe, 2) + " / " + fixed(r.sortino, 2) + " / " + fixed(r.calmar, 2)],
    ["PSR (P[true Sharpe > 0])", r.probabilisticSharpe === null || r.probabilisticSharpe === undefined ? "n/a"
      : percent(r.probabilisticSharpe)],
    ["profit factor / expectancy", fixed(r.profitFactor, 2) + " / " + dollars(r.expectancy) + " per closing trade"],
    ["win rate / losing streak", (r.winRate === null ? "n/a" : percent(r.winRate)) + " of " + r.closingTrades
      + " closing / " + r.maxConsecutiveLosses],
    ["average holding", holding(r.averageHoldingMinutes)]];
  document.getElementById("backtest-figures").replaceChildren(...figures.flatMap(([name, value]) =>
    [el("dt", {}, name), el("dd", { "data-figure": name }, value)]));
}

async function showBacktest(id) {
  selectedBacktest = id;
  const job = await api("/api/backtests/" + encodeURIComponent(id));
  const curve = (job.report && job.report.curve) || [];
  document.getElementById("backtest-chart").hidden = curve.length === 0;
  document.getElementById("backtest-title").textContent = "Backtest " + job.id + " " + job.agent;
  if (job.report) backtestFigures(job.report);
  // one x axis for the curve and the trades: a trade between two curve points gets its own x, the lines span it
  const marks = (job.report && job.report.tradeMarks) || [];
  const at = new Map();
  const row = t => {
    const x = Date.parse(t) / 1000;
    if (!at.has(x)) at.set(x, [x, null, null, null, null]);
    return at.get(x);
  };
  curve.forEach(p => { const r = row(p.t); r[1] = p.equity; r[2] = p.buyAndHold; });
  marks.forEach(m => { row(m.t)[m.side === "BUY" ? 3 : 4] = m.equity; });
  const rows = [...at.values()].sort((a, b) => a[0] - b[0]);
  const column = i => rows.map(r => r[i]);
  const points = color => ({ stroke: color, paths: () => null, points: { show: true, size: 7, fill: color, stroke: color } });
  draw("equity", document.getElementById("backtest-equity"), [0, 1, 2, 3, 4].map(column),
    [{}, { label: "equity $", stroke: "#2e8b57", spanGaps: true },
      { label: "buy and hold $" + (job.report ? Math.round(job.report.benchmarkCapital) : ""), stroke: "#999", spanGaps: true },
      { label: "buys", ...points("#1b5e20") }, { label: "sells", ...points("#b71c1c") }]);
  document.getElementById("backtest-equity").dataset.marks = marks.length;
  draw("drawdown", document.getElementById("backtest-drawdown"), [curve.map(p => Date.parse(p.t) / 1000), curve.map(p => -100 * p.drawdown)],
    [{}, { label: "drawdown %", stroke: "#c0392b", fill: "rgba(192,57,43,0.15)" }]);
  document.querySelectorAll("#backtests tr[data-backtest]").forEach(r => r.classList.toggle("selected", r.dataset.backtest === id));
}

function draw(name, holder, data, series) {
  if (typeof uPlot === "undefined") return;
  if (backtestCharts[name]) backtestCharts[name].destroy();
  holder.replaceChildren();
  // a wide left axis: equity runs to six figures
  backtestCharts[name] = new uPlot({ width: 640, height: 200, series: series, axes: [{}, { size: 80 }] }, data, holder);
}

// reconciliation: the last pass on this node, the open issues (admins acknowledge them), external orders
async function refreshReconcile() {
  const state = await api("/api/reconcile");
  const last = state.last;
  document.getElementById("reconcile-last").textContent = last
    ? last.outcome + " at " + whenText(last.finishedAt) + (last.error ? ": " + humanTimes(last.error) : "") : "no pass yet";
  const now = document.getElementById("reconcile-now");
  now.hidden = !can("OPERATOR");
  now.onclick = () => act("/api/reconcile", "reconciliation ran");
  document.querySelector("#reconcile-issues tbody").replaceChildren(...state.openIssues.map(i => el("tr",
    { class: "issue", "data-issue": i.id },
    el("td", {}, i.id), el("td", {}, whenText(i.foundAt)), el("td", {}, i.kind), el("td", {}, i.agentId || ""),
    el("td", {}, i.symbol || i.clientOrderId || ""), el("td", {}, i.brokerQty ?? ""), el("td", {}, i.recordsQty ?? ""),
    el("td", {}, i.detail),
    el("td", {}, can("ADMIN") ? el("button", { onclick: () => act("/api/reconcile/issues/" + i.id + "/acknowledge",
      "issue " + i.id + " acknowledged") }, "Acknowledge") : ""))));
  document.querySelector("#reconcile-actions tbody").replaceChildren(...(last ? last.actions : []).map(a => el("tr", {},
    el("td", {}, a.kind), el("td", {}, a.agentId || ""), el("td", {}, a.clientOrderId || ""), el("td", {}, a.status || ""),
    el("td", {}, a.why || ""))));
  document.querySelector("#reconcile-external tbody").replaceChildren(...(last ? last.external : []).map(o => el("tr", {},
    el("td", {}, o.clientOrderId), el("td", {}, o.symbol), el("td", {}, o.side),
    el("td", {}, o.qty !== null && o.qty !== undefined ? o.qty : "$" + o.notional), el("td", {}, o.status),
    el("td", {}, o.submittedAt ? whenText(o.submittedAt) : ""))));
}

async function refreshAudit() {
  const entries = await api("/api/audit?limit=20");
  document.querySelector("#audit tbody").replaceChildren(...entries.map(e => el("tr", {},
    el("td", {}, whenText(e.at)), el("td", {}, e.username), el("td", {}, e.action), el("td", {}, e.target || ""),
    el("td", {}, e.detail || ""), el("td", {}, e.source))));
}

async function refresh() {
  try {
    await refreshDesk();
    await refreshRoutes();
    await refreshModes();
    // the first screen's views; one that fails says so and leaves the others be
    for (const hook of REFRESH_HOOKS) {
      try {
        await hook();
      } catch (e) {
        say("Could not refresh " + hook.name + ": " + e.message);
      }
    }
    await refreshGrid();
    await refreshAudit();
    await refreshReconcile();
    await refreshBacktests();
    if (selectedRun) await showRun(selectedRun);
    document.getElementById("refreshed").textContent = "refreshed " + whenText(new Date().toISOString());
  } catch (e) {
    say("Could not refresh: " + e.message);
  }
}

async function start() {
  me = await api("/api/me");
  document.getElementById("who").textContent = me.name + " (" + me.roles.join(", ").toLowerCase() + ")";
  document.getElementById("logout-csrf").value = csrfToken();
  document.getElementById("legend").replaceChildren(...STATUSES.flatMap(s => [el("span", { class: "cell " + s }), s]));
  await refresh();
  setInterval(refresh, 10000);
}

document.addEventListener("DOMContentLoaded", start);
