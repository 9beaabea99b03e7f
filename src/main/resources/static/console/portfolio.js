// What the desk holds and made: the broker's account, positions and today's orders (GET /api/portfolio, which reads
// the broker at most every 15 s whatever the number of browsers), each agent's realized P&L from its fills, and the
// recorded equity curve with its drawdown (GET /api/portfolio/equity). Nothing here is computed from run records.
"use strict";

const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const equityCharts = {};
let equityScope = "desk";
let equitySpan = "P1D";

function money(x) {
  return x === null || x === undefined ? "-" : USD.format(Number(x));
}

// P&L with its sign, coloured by it
function pnl(x) {
  if (x === null || x === undefined) return el("span", { class: "pnl" }, "-");
  const n = Number(x);
  return el("span", { class: "pnl " + (n > 0 ? "up" : n < 0 ? "down" : "flat") }, (n > 0 ? "+" : "") + USD.format(n));
}

// quantities as the broker writes them, up to 9 decimals, no trailing zeros
function quantity(x) {
  if (x === null || x === undefined) return "-";
  return Number(x).toLocaleString("en-US", { maximumFractionDigits: 9 });
}

function figure(name, value, key) {
  return el("div", { class: "figure", "data-figure": key }, el("span", { class: "name" }, name), el("span", { class: "value" }, value));
}

async function refreshPortfolio() {
  const p = await api("/api/portfolio");
  const banner = document.getElementById("broker-banner");
  const b = p.broker;
  banner.hidden = b.reachable;
  banner.replaceChildren(...(b.reachable ? [] : [el("div", {}, "Broker unreachable since " + whenText(b.unreachableSince)
    + (b.readAt ? "; the figures below were read " + whenText(b.readAt) : "; no figures read yet") + ". " + (b.error || ""))]));
  document.getElementById("portfolio-read").textContent = b.readAt ? "broker read " + whenText(b.readAt) : "";
  const d = p.desk;
  document.getElementById("desk-figures").replaceChildren(...(d ? [
    figure("Equity", money(d.equity), "equity"),
    figure("Today's P&L", pnl(d.todayPnl), "todayPnl"),
    figure("Cash", money(d.cash), "cash"),
    figure("Buying power", money(d.buyingPower), "buyingPower"),
    figure("Positions' value", money(d.marketValue), "marketValue"),
    figure("Unrealized P&L", pnl(d.unrealizedPnl), "unrealizedPnl"),
    figure("Realized P&L", pnl(d.realizedPnl), "realizedPnl"),
    figure("Open orders / fills today", d.openOrders + " / " + d.fillsToday, "orders")] : [el("p", {}, "No figures from the broker yet.")]));
  document.querySelector("#positions tbody").replaceChildren(...p.agents.map(a => el("tr", { "data-agent": a.agentId },
    el("td", {}, el("b", {}, a.agentId), el("small", {}, a.symbol)),
    el("td", { "data-field": "qty" }, quantity(a.qty),
      a.recordedQty !== null && a.qty !== null && Number(a.recordedQty) !== Number(a.qty) && a.sharesSymbolWith.length === 0
        ? el("small", { class: "warn" }, "records' fills: " + quantity(a.recordedQty)) : null,
      a.sharesSymbolWith.length ? el("small", {}, "total of " + [a.agentId, ...a.sharesSymbolWith].join(", ")) : null),
    el("td", { class: "opt" }, money(a.avgEntryPrice)), el("td", { class: "opt" }, money(a.currentPrice)),
    el("td", {}, money(a.marketValue)), el("td", { "data-field": "unrealizedPnl", class: "opt" }, pnl(a.unrealizedPnl)),
    el("td", { "data-field": "realizedPnl", class: "opt" }, pnl(a.realizedPnl)),
    el("td", { "data-field": "todayPnl" }, pnl(a.todayPnl)),
    el("td", { "data-field": "ordersToday", class: a.ordersToday >= a.maxOrdersPerDay ? "warn" : "" },
      a.ordersToday + " of " + a.maxOrdersPerDay),
    el("td", { class: "opt" }, a.openOrders + " open, " + a.fillsToday + " filled"))));
  const others = document.getElementById("other-positions");
  others.hidden = p.others.length === 0;
  others.replaceChildren(...(p.others.length ? [el("b", {}, "Positions no agent trades (listed, never touched): "),
    p.others.map(h => h.symbol + " " + quantity(h.qty) + " = " + money(h.marketValue)).join("; ")] : []));
  const orderRow = o => el("tr", {}, el("td", {}, whenText(o.submittedAt)), el("td", {}, o.agentId || "not Ztrade's"),
    el("td", {}, o.symbol), el("td", {}, o.side), el("td", {}, o.qty !== null ? quantity(o.qty) : money(o.notional)),
    el("td", {}, o.status), el("td", {}, o.filledQty ? quantity(o.filledQty) + " at " + money(o.filledAvgPrice) : ""));
  document.getElementById("orders-summary").textContent = "Open orders (" + p.openOrders.length + ") and today's fills ("
    + p.fillsToday.length + ")";
  document.querySelector("#open-orders tbody").replaceChildren(...p.openOrders.map(orderRow));
  document.querySelector("#fills tbody").replaceChildren(...p.fillsToday.slice().reverse().map(orderRow));
  const scopes = ["desk", ...p.agents.map(a => a.agentId)];
  const select = document.getElementById("equity-scope");
  if (select.options.length !== scopes.length) {
    select.replaceChildren(...scopes.map(s => el("option", { value: s }, s === "desk" ? "desk equity" : s + " P&L")));
    select.value = equityScope;
  }
  await refreshEquity();
}

async function refreshEquity() {
  const curve = await api("/api/portfolio/equity?scope=" + encodeURIComponent(equityScope) + "&span=" + equitySpan);
  const xs = curve.points.map(p => Date.parse(p.t) / 1000);
  document.getElementById("equity-figures").textContent = curve.points.length === 0
    ? "No snapshot yet: one is taken every minute while the broker answers."
    : curve.points.length + " snapshots; peak " + money(curve.peak) + ", largest drawdown " + money(curve.maxDrawdown);
  drawCurve("equity", document.getElementById("equity-chart"), [xs, curve.points.map(p => Number(p.value))],
    equityScope === "desk" ? "equity $" : "P&L $", "#2e8b57");
  drawCurve("drawdown", document.getElementById("drawdown-chart"), [xs, curve.points.map(p => -Number(p.drawdown))],
    "drawdown $", "#c0392b");
}

// uPlot pads a span of zero to years: one snapshot gets half an hour either side, a flat line a dollar
function padded(min, max, pad) {
  return min === null || max === null ? [0, 1] : min === max ? [min - pad(min), max + pad(max)] : [min, max];
}

function drawCurve(name, holder, data, label, color) {
  if (typeof uPlot === "undefined") return null;
  if (equityCharts[name]) equityCharts[name].destroy();
  holder.replaceChildren();
  const width = Math.max(260, Math.min(900, (holder.parentElement ? holder.parentElement.clientWidth : 600) - 20));
  equityCharts[name] = new uPlot({
    width: width, height: 180,
    scales: { x: { time: true, range: (u, min, max) => padded(min, max, () => 1800) },
      y: { range: (u, min, max) => padded(min, max, v => Math.max(1, Math.abs(v) * 0.001)) } },
    series: [{ value: (u, v) => v === null ? "-" : whenText(new Date(v * 1000).toISOString()) },
      { label: label, stroke: color, fill: name === "drawdown" ? "rgba(192,57,43,0.15)" : undefined,
        value: (u, v) => v === null ? "-" : USD.format(v) }],
    axes: [{}, { size: 80 }]
  }, data, holder);
  // one point: uPlot spans its time axis over years whatever the range function says; an hour around it
  if (data[0].length === 1) equityCharts[name].setScale("x", { min: data[0][0] - 1800, max: data[0][0] + 1800 });
  return equityCharts[name];
}

document.getElementById("equity-scope").addEventListener("change", e => { equityScope = e.target.value; refreshEquity(); });
document.getElementById("equity-span").addEventListener("change", e => { equitySpan = e.target.value; refreshEquity(); });
REFRESH_HOOKS.push(refreshPortfolio);
