// The steps an agent can choose (GET /api/plugins): Ztrade's own, the plugin jars' of plugins/ and the scripted beans
// of routes/, each with its version, where it comes from and the parameters it declares, as an agent sets them
// (<step>.<parameter>) with type, default, range and meaning. Uses console.js's el() and api().
"use strict";

async function refreshPlugins() {
  const p = await api("/api/plugins");
  document.getElementById("plugins-api").textContent = "plugin API " + p.apiVersion;
  const range = q => q.min == null && q.max == null ? "" : (q.min ?? "") + " to " + (q.max ?? "");
  document.querySelector("#plugin-steps tbody").replaceChildren(...p.steps.map(s =>
    el("tr", { "data-step": s.name, "data-kind": s.parameter },
      el("td", {}, el("code", {}, s.parameter + ": " + s.name)),
      el("td", {}, s.version || "-"),
      el("td", { "data-field": "file" }, s.file),
      el("td", {}, s.description || ""),
      el("td", {}, s.parameters.length === 0 ? "none" : el("table", { class: "parameters" },
        ...s.parameters.map(q => el("tr", { "data-parameter": q.name },
          el("td", {}, el("code", {}, q.name)), el("td", {}, q.type.toLowerCase()),
          el("td", { "data-field": "default" }, q.defaultValue), el("td", { "data-field": "range" }, range(q)),
          el("td", {}, q.description))))))));
}

REFRESH_HOOKS.push(refreshPlugins);
