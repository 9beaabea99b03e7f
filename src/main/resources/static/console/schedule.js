// What runs next and what failed: each agent's next fire times (New York time, the viewer's, a countdown) and the next
// one that can trade, its parameters, the NYSE sessions ahead (holidays, early closes), the failed runs with why,
// the alerts sent; and the banners for what stops trading: the kill switch, a tripped protection, an unreconciled
// position (the broken routes' banner is console.js').
"use strict";

async function refreshSchedule() {
  const s = await api("/api/schedule");
  document.querySelector("#next-runs tbody").replaceChildren(...s.agents.map(a => {
    const next = a.nextFires[0];
    const skipped = next && !next.marketOpen;
    return el("tr", { "data-agent": a.id },
      el("td", {}, el("b", {}, a.id), " ", a.symbol),
      el("td", { "data-field": "next" }, a.paused ? el("span", { class: "paused" }, "paused") : next
        ? [whenNode(next.at), " ", countdownNode(next.at), skipped ? el("small", { class: "skip" }, "market closed: will be skipped") : null]
        : "no fire time ahead"),
      el("td", { "data-field": "nextTrading" }, a.nextTradingFire && (!next || a.nextTradingFire !== next.at)
        ? [whenNode(a.nextTradingFire), " ", countdownNode(a.nextTradingFire)] : a.nextTradingFire ? "the next run" : "-"),
      el("td", {}, el("code", {}, a.cron), el("small", {}, "New York time")),
      el("td", {}, el("details", {}, el("summary", {}, "parameters"),
        el("table", { class: "parameters" }, ...Object.entries(a.parameters).map(([k, v]) =>
          el("tr", {}, el("td", {}, k), el("td", {}, typeof v === "object" && v !== null ? JSON.stringify(v) : String(v))))),
        el("div", { class: "later" }, "then: ", a.nextFires.slice(1).map(f => nyText(f.at) + (f.marketOpen ? "" : " (closed)")).join("; ")))));
  }));
  document.getElementById("sessions").replaceChildren(...s.sessions.map(d => el("li", {
    class: d.open ? (d.earlyClose ? "early" : "open") : "closed", "data-date": d.date },
    el("b", {}, new Date(d.date + "T12:00:00Z").toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" })),
    " ", d.open ? d.openTime + "-" + d.closeTime + " ET" + (d.earlyClose ? " early close" : "") : "closed",
    d.note ? ": " + d.note : "")));
}

async function refreshFailures() {
  const f = await api("/api/failures?limit=10");
  const body = document.querySelector("#failed-runs tbody");
  body.replaceChildren(...f.runs.map(r => el("tr", { "data-run": r.runId, class: "clickable", "data-status": r.status,
    onclick: () => showRun(r.runId).then(() => document.getElementById("run").scrollIntoView()) },
    el("td", {}, whenText(r.startedAt)), el("td", {}, el("b", {}, r.agentId)), el("td", { class: "status" }, r.status),
    el("td", { class: "why" }, r.why || "no error recorded"))));
  document.getElementById("no-failures").hidden = f.runs.length > 0;
  const counts = Object.entries(f.last24Hours);
  document.getElementById("failure-counts").textContent = counts.length
    ? "last 24 hours: " + counts.map(([agent, n]) => agent + " " + n).join(", ") : "none in the last 24 hours";
  document.getElementById("alerts").replaceChildren(...f.alerts.map(a => el("li", { "data-kind": a.kind },
    el("b", {}, whenText(a.at)), " ", a.subject, el("div", { class: "text" }, a.text))));
  document.getElementById("no-alerts").hidden = f.alerts.length > 0;
}

async function refreshStateBanners() {
  const [kill, desk, reconcile] = await Promise.all([api("/api/kill-switch"), api("/api/desk"), api("/api/reconcile")]);
  const lines = [];
  // headlines only: the desk banner above says who set each mode, when and why
  if (kill.engaged) {
    const since = desk.desk.mode === "HALTED" && desk.desk.setAt ? " since " + whenText(desk.desk.setAt) : "";
    lines.push(el("div", { "data-banner": "kill-switch" }, "KILL SWITCH ENGAGED" + since
      + ": no agent places an order until an admin turns it off."));
  }
  const tripped = [desk.desk, ...desk.agents].filter(m => m.mode !== "ACTIVE" && (m.source || "").includes("protection"));
  for (const m of tripped) {
    const which = (m.source.match(/protection:([\w-]+)/) || [null, "a protection"])[1].replace(/-/g, " ");
    lines.push(el("div", { "data-banner": "protection" }, "Protection tripped: " + (m.scope === "desk" || !m.id ? "the desk" : "agent " + m.id)
      + " hit its " + which + " limit and is " + m.mode + " until an admin sets it ACTIVE (why: below)."));
  }
  const positions = reconcile.openIssues.filter(i => i.kind === "POSITION");
  for (const i of positions) {
    lines.push(el("div", { "data-banner": "unreconciled" }, "Unreconciled position: " + i.detail));
  }
  const others = reconcile.openIssues.length - positions.length;
  if (others > 0) {
    lines.push(el("div", { "data-banner": "reconcile" }, others + " other open reconciliation issue(s): see Reconciliation below."));
  }
  const banner = document.getElementById("state-banner");
  banner.replaceChildren(...lines);
  banner.hidden = lines.length === 0;
}

REFRESH_HOOKS.push(refreshStateBanners, refreshSchedule, refreshFailures);
