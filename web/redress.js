/* redress.js — small progressive enhancements for the web desk. Every page works without it:
 * forms post and the server answers. With it, the reply editor checks its tone as the user
 * types (POST /api/v1/check) and the hold on a draft counts down. No inline script anywhere:
 * the server's Content-Security-Policy forbids it. */
(function () {
  "use strict";

  function csrf() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute("content") : "";
  }

  /* Byte offsets (UTF-8, as the analyzer reports them) to string indexes (UTF-16). */
  function byteIndex(text) {
    var map = [], bytes = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.codePointAt(i);
      var n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      for (var k = 0; k < n; k++) map[bytes + k] = i;
      bytes += n;
      if (c >= 0x10000) i++;
    }
    map[bytes] = text.length;
    return function (b) { return b in map ? map[b] : text.length; };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* Draws the text with each finding as a focusable <mark>; overlapping findings are cut at
   * their edges and each piece names the narrowest finding over it. */
  function renderPreview(box, text, diags) {
    box.textContent = "";
    var at = byteIndex(text);
    var spans = diags.map(function (d, i) {
      return { from: at(d.start), to: at(d.end), d: d, i: i };
    }).filter(function (s) { return s.to > s.from; });
    var cuts = [0, text.length];
    spans.forEach(function (s) { cuts.push(s.from, s.to); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    for (var c = 0; c + 1 < cuts.length; c++) {
      var from = cuts[c], to = cuts[c + 1], piece = text.slice(from, to);
      var over = spans.filter(function (s) { return s.from <= from && s.to >= to; });
      if (!over.length) { box.appendChild(document.createTextNode(piece)); continue; }
      over.sort(function (a, b) { return (a.to - a.from) - (b.to - b.from); });
      var d = over[0].d;
      var m = el("mark", "tone " + d.severity);
      m.setAttribute("data-rule", d.rule);
      m.setAttribute("tabindex", "0");
      m.setAttribute("aria-describedby", "tone-" + over[0].i);
      m.appendChild(document.createTextNode(piece));
      var tip = el("span", "tip", d.message + (d.suggestion ? " — " + d.suggestion : ""));
      tip.setAttribute("role", "tooltip");
      m.appendChild(tip);
      box.appendChild(m);
    }
  }

  function renderList(list, diags) {
    list.textContent = "";
    if (!diags.length) { list.appendChild(el("li", "muted", "No tone problems found.")); return; }
    diags.forEach(function (d, i) {
      var li = el("li");
      li.id = "tone-" + i;
      li.appendChild(el("span", "badge " + (d.severity === "error" ? "bad" : "warn"), d.severity));
      li.appendChild(document.createTextNode(" " + d.message));
      if (d.suggestion) li.appendChild(el("span", "hint", d.suggestion));
      list.appendChild(li);
    });
  }

  function toneEditor(area) {
    var preview = document.getElementById(area.getAttribute("data-preview"));
    var list = document.getElementById(area.getAttribute("data-findings"));
    var status = document.getElementById(area.getAttribute("data-status"));
    if (!preview || !list) return;
    var timer = null, seq = 0;
    function check() {
      var text = area.value, mine = ++seq;
      if (!text.trim()) { preview.textContent = ""; renderList(list, []); return; }
      fetch("/api/v1/check", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
        body: JSON.stringify({ text: text, csrf: csrf() })
      }).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (res) {
          if (mine !== seq) return;
          var diags = res.diagnostics || [];
          renderPreview(preview, text, diags);
          renderList(list, diags);
          if (status) status.textContent = (res.errors || 0) + " errors, " + (res.warnings || 0) + " warnings";
        })
        .catch(function () { if (status) status.textContent = "The tone check is not available right now."; });
    }
    area.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 250); });
    if (area.value.trim()) check();
  }

  /* Counts down a hold rendered by the server as data-seconds; the server still decides. */
  function countdown(node) {
    var left = parseInt(node.getAttribute("data-seconds"), 10), start = Date.now();
    if (!(left > 0)) return;
    function tick() {
      var s = Math.max(0, left - Math.floor((Date.now() - start) / 1000));
      var m = Math.floor(s / 60);
      node.textContent = s > 0 ? "On hold: " + (m ? m + " min " : "") + (s % 60) + " s left" : "The hold has ended: reload to release.";
      if (s > 0) setTimeout(tick, 1000);
    }
    tick();
  }

  document.querySelectorAll("textarea[data-tone-check]").forEach(toneEditor);
  document.querySelectorAll("[data-countdown]").forEach(countdown);
})();
