// A run's own log in the run view (GET /api/runs/{id}/logs), and "Run now" that follows the run it started to its
// end. Uses console.js's el(), api(), say(), showRun() and refresh(); console.js announces each run it shows with a
// "ztrade:run-shown" event. Text is set with textContent only: a logged message never runs as script here.
"use strict";

(function () {
  const FINISHED_POLL_MS = 1000;
  let shownRun = null;
  let stepFilter = "";

  function holder() {
    let box = document.getElementById("run-log");
    if (!box) {
      const steps = el("select", { id: "run-log-step", "aria-label": "step",
        onchange: e => { stepFilter = e.target.value; if (shownRun) drawLog(shownRun); } }, el("option", { value: "" }, "all steps"));
      box = el("div", { id: "run-log" },
        el("h3", {}, "Log ", el("small", { id: "run-log-state" }), " ", steps),
        el("div", { id: "run-log-lines", role: "log" }));
      document.getElementById("run").append(box);
    }
    return box;
  }

  async function drawLog(runId) {
    holder();
    let log;
    try {
      log = await api("/api/runs/" + encodeURIComponent(runId) + "/logs");
    } catch (e) {
      document.getElementById("run-log-state").textContent = "not available: " + e.message;
      document.getElementById("run-log-lines").replaceChildren();
      return;
    }
    if (runId !== shownRun) return;
    const select = document.getElementById("run-log-step");
    const steps = [...new Set(log.lines.map(l => l.step).filter(s => s))];
    select.replaceChildren(el("option", { value: "" }, "all steps"),
      ...steps.map(s => el("option", { value: s }, s)));
    select.value = steps.includes(stepFilter) ? stepFilter : "";
    const lines = log.lines.filter(l => !select.value || l.step === select.value);
    document.getElementById("run-log-state").textContent = log.lines.length + " lines"
      + (log.running ? ", still going on" : "") + (select.value ? ", " + lines.length + " in " + select.value : "");
    document.getElementById("run-log-lines").replaceChildren(...(lines.length ? lines.map(line =>
      el("div", { class: "log-line " + line.level, "data-level": line.level, "data-step": line.step || "" },
        el("span", { class: "log-time", title: line.at }, new Date(line.at).toLocaleTimeString([], { hour12: false })
          + "." + String(new Date(line.at).getMilliseconds()).padStart(3, "0")),
        el("span", { class: "log-level" }, line.level),
        el("span", { class: "log-step" }, line.step || "-"),
        el("span", { class: "log-message" }, line.message)))
      : [el("p", { class: "legend" }, "Nothing was logged while this run went on.")]));
  }

  document.addEventListener("ztrade:run-shown", e => {
    shownRun = e.detail.runId;
    drawLog(shownRun);
  });

  function sleep(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
  }

  // Run now: the answer names the run (202) or says why there is none (409: market closed, already running); the
  // run is then followed until it ends and shown with its log
  window.runNow = async function (agentId) {
    let started;
    try {
      started = await api("/api/agents/" + encodeURIComponent(agentId) + "/runs?force=true", { method: "POST" });
    } catch (e) {
      say("Not started: " + e.message);
      return;
    }
    say("run " + started.runId + " of " + agentId + " started; following it");
    for (;;) {
      let run;
      try {
        run = await api(started.run);
      } catch (e) {
        say("run " + started.runId + " of " + agentId + ": " + e.message);
        return;
      }
      if (run.status !== "QUEUED") await showRun(started.runId);
      if (run.status !== "QUEUED" && run.status !== "RUNNING") {
        say("run " + started.runId + " of " + agentId + " ended " + run.status);
        await refresh();
        return;
      }
      await sleep(FINISHED_POLL_MS);
    }
  };
})();
