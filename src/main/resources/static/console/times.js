// Times for people: every instant the API sends (UTC, ISO 8601, any precision) is shown to the second in New York
// time, the zone the crons and the NYSE session are in, with the viewer's own time beside it when that differs.
// Countdowns (".countdown[data-at]") tick every second.
"use strict";

const NEW_YORK = "America/New_York";
const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function zoned(zone, withDay) {
  return new Intl.DateTimeFormat("en-US", Object.assign({ timeZone: zone, hour: "2-digit", minute: "2-digit",
    second: "2-digit", hourCycle: "h23", timeZoneName: "short" },
    withDay ? { weekday: "short", month: "short", day: "numeric" } : {}));
}
const NY_FORMAT = zoned(NEW_YORK, true);
const LOCAL_FORMAT = zoned(VIEWER_ZONE, true);

function instant(iso) {
  if (iso === null || iso === undefined || iso === "") return null;
  const t = new Date(iso);
  return isNaN(t.getTime()) ? null : t;
}

// "Thu, Dec 3, 09:35:00 EST"
function nyText(iso) {
  const t = instant(iso);
  return t ? NY_FORMAT.format(t) : "-";
}

// the viewer's time, or "" when the viewer is in New York time
function localText(iso) {
  const t = instant(iso);
  if (!t || LOCAL_FORMAT.format(t) === NY_FORMAT.format(t)) return "";
  return LOCAL_FORMAT.format(t) + " your time";
}

// one line for titles and plain text: New York time, and the viewer's in brackets
function whenText(iso) {
  const local = localText(iso);
  return nyText(iso) + (local ? " (" + local + ")" : "");
}

// server text that quotes an instant (a mode's "set at 2026-12-03T14:33:21.28Z", an alert): the same, in words
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/g;
function humanTimes(text) {
  return typeof text === "string" ? text.replace(ISO_INSTANT, iso => whenText(iso)) : text;
}

// a node: New York time, the viewer's time in smaller type below it
function whenNode(iso) {
  const node = document.createElement("span");
  node.className = "when";
  node.dataset.at = iso || "";
  node.append(nyText(iso));
  const local = localText(iso);
  if (local) {
    const small = document.createElement("small");
    small.className = "local";
    small.textContent = local;
    node.append(small);
  }
  return node;
}

// "in 4 min 12 s", "in 2 h 05 min", "in 3 d 4 h", "now", "12 s ago"
function countdownText(iso, now) {
  const t = instant(iso);
  if (!t) return "";
  let s = Math.round((t.getTime() - (now || Date.now())) / 1000);
  const past = s < 0;
  s = Math.abs(s);
  let text;
  if (s === 0) return "now";
  if (s < 60) text = s + " s";
  else if (s < 3600) text = Math.floor(s / 60) + " min " + (s % 60) + " s";
  else if (s < 86400) text = Math.floor(s / 3600) + " h " + String(Math.floor(s % 3600 / 60)).padStart(2, "0") + " min";
  else text = Math.floor(s / 86400) + " d " + Math.floor(s % 86400 / 3600) + " h";
  return past ? text + " ago" : "in " + text;
}

function countdownNode(iso) {
  const node = document.createElement("span");
  node.className = "countdown";
  node.dataset.at = iso || "";
  node.textContent = countdownText(iso);
  return node;
}

setInterval(() => {
  const now = Date.now();
  document.querySelectorAll(".countdown[data-at]").forEach(n => { n.textContent = countdownText(n.dataset.at, now); });
}, 1000);
