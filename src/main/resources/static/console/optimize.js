// Optimisations: start one (POST /api/optimizations), follow its trials, and draw a heatmap of the objective over
// two of its parameters (each cell: the best trial that fell in it). Uses console.js's el() and api().
(function () {
  const BINS = 12;
  let polling = null;

  function section() {
    const field = (id, label, value, size) => el("label", {}, label + " ", el("input", { id: id, value: value, size: size }));
    const objective = el("select", { id: "opt-objective" },
      ...["sharpe", "sortino", "calmar", "return", "profit-factor"].map(o => el("option", { value: o }, o)));
    return el("section", { id: "optimizations" },
      el("h2", {}, "Optimisations"),
      el("p", {}, field("opt-agent", "agent", "agent_tsla", 12), " ", field("opt-from", "from", "2025-01-02", 10), " ",
        field("opt-to", "to", "2025-03-31", 10), " ", field("opt-trials", "trials", "50", 4), " ",
        el("label", {}, "objective ", objective)),
      el("p", {}, field("opt-ranges", "optimize", "threshold=0.05:0.4,sentimentWeight=0:1", 50), " ",
        field("opt-walk", "walk-forward", "", 18), " ",
        el("button", { id: "opt-start", onclick: start }, "Optimise"), " ",
        field("opt-id", "or show id", "", 9), " ", el("button", { onclick: () => follow(document.getElementById("opt-id").value) }, "Show")),
      el("p", { id: "opt-status", role: "status" }),
      el("canvas", { id: "opt-heatmap", width: 480, height: 360, hidden: "" }),
      el("table", { id: "opt-best" }));
  }

  async function start() {
    const value = id => document.getElementById(id).value.trim();
    const body = { agent: value("opt-agent"), from: value("opt-from"), to: value("opt-to"), source: "synthetic",
      optimize: value("opt-ranges"), trials: Number(value("opt-trials")), objective: value("opt-objective"),
      walkForward: value("opt-walk") || null };
    try {
      const job = await api("/api/optimizations", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body) });
      follow(job.id);
    } catch (e) {
      status(e.message);
    }
  }

  function status(text) {
    document.getElementById("opt-status").textContent = text;
  }

  function follow(id) {
    if (polling) clearInterval(polling);
    const poll = async () => {
      try {
        const job = await api("/api/optimizations/" + encodeURIComponent(id));
        const p = job.progress;
        status(job.id + " " + job.agent + " " + job.status + ": " + p.done + "/" + p.total + " trials, best " + job.objective
          + " " + (p.best === null ? "n/a" : p.best.toFixed(3)) + (job.error ? " — " + job.error : ""));
        if (job.status === "DONE" || job.status === "FAILED") {
          clearInterval(polling);
          if (job.result) show(job.result);
        }
      } catch (e) {
        clearInterval(polling);
        status(e.message);
      }
    };
    polling = setInterval(poll, 1000);
    poll();
  }

  function show(result) {
    const names = result.ranges.map(r => r.name);
    const rows = result.best.length ? result.best.map(b => [b.parameters, b.objective])
      : result.walkForward.windows.map(w => [w.parameters, w.outOfSample]);
    document.getElementById("opt-best").replaceChildren(
      el("tr", {}, ...names.map(n => el("th", {}, n)), el("th", {}, result.best.length ? result.objective : "out-of-sample " + result.objective)),
      ...rows.map(([p, o]) => el("tr", {}, ...names.map(n => el("td", {}, p[n])), el("td", {}, o === null ? "n/a" : o.toFixed(3)))));
    heatmap(result, names);
  }

  // the objective over the first two parameters: cells of a BINS x BINS grid, the best trial in each
  function heatmap(result, names) {
    const canvas = document.getElementById("opt-heatmap");
    if (names.length < 2) { canvas.hidden = true; return; }
    const [x, y] = result.ranges;
    const cells = new Map();
    // a walk-forward's trials belong to their windows: map the last (most recent) in-sample window's
    const last = Math.max(...result.all.map(t => t.window));
    for (const t of result.all.filter(t => t.window === last)) {
      if (t.objective === null) continue;
      const bin = (r, v) => Math.min(BINS - 1, Math.floor(r.hi > r.lo ? (v - r.lo) / (r.hi - r.lo) * BINS : 0));
      const key = bin(x, Number(t.parameters[x.name])) + "," + bin(y, Number(t.parameters[y.name]));
      cells.set(key, Math.max(cells.has(key) ? cells.get(key) : -Infinity, t.objective));
    }
    const values = [...cells.values()];
    const lo = Math.min(...values), hi = Math.max(...values);
    const g = canvas.getContext("2d");
    const left = 60, bottom = 40, w = (canvas.width - left - 10) / BINS, h = (canvas.height - bottom - 10) / BINS;
    canvas.hidden = false;
    g.clearRect(0, 0, canvas.width, canvas.height);
    for (const [key, v] of cells) {
      const [i, j] = key.split(",").map(Number);
      const f = hi > lo ? (v - lo) / (hi - lo) : 1;
      g.fillStyle = "hsl(" + Math.round(240 * (1 - f)) + ",70%,50%)"; // blue (worst) to red (best)
      g.fillRect(left + i * w, canvas.height - bottom - (j + 1) * h, w - 1, h - 1);
    }
    g.fillStyle = "#333";
    g.font = "12px sans-serif";
    g.fillText(x.name + " " + x.lo + " .. " + x.hi, left, canvas.height - 15);
    g.save();
    g.translate(15, canvas.height - bottom);
    g.rotate(-Math.PI / 2);
    g.fillText(y.name + " " + y.lo + " .. " + y.hi, 0, 0);
    g.restore();
    g.fillText(result.objective + ": " + lo.toFixed(3) + " (blue) .. " + hi.toFixed(3) + " (red)", left, 10);
  }

  window.addEventListener("DOMContentLoaded", () => {
    const before = document.getElementById("reconciliation");
    before.parentNode.insertBefore(section(), before);
  });
})();
