// The console's progressive enhancement: pages work without it; with it, editable lists get
// add/remove buttons, deadlines count down, dangerous forms ask first, and sign-out is one click.
(function () {
  "use strict";
  var csrf = "";
  // Words from the page (templates/console), never written here.
  var W = JSON.parse(document.body.getAttribute("data-words") || "{}");
  function fill(text, vars) { return String(text || "").replace(/\{(\w+)\}/g, function (_m, k) { return String(vars[k]); }); }

  // Forms rendered before the session's token was known get it from GET /api/v1/staff/me.
  function fillCsrf() {
    var empty = document.querySelectorAll('input[name="_csrf"]');
    var missing = Array.prototype.some.call(empty, function (i) { return !i.value; });
    if (!missing) { csrf = empty.length ? empty[0].value : ""; return Promise.resolve(); }
    return fetch("/api/v1/staff/me", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (me) {
        if (!me || !me.csrfToken) return;
        csrf = me.csrfToken;
        empty.forEach(function (i) { if (!i.value) i.value = csrf; });
      });
  }

  function renumber(list) {
    var name = list.getAttribute("data-list");
    list.querySelectorAll("[data-rows] > [data-row]").forEach(function (row, i) {
      row.querySelector(".row-no").textContent = String(i + 1);
      row.querySelectorAll("[name]").forEach(function (el) {
        var rest = el.name.slice(name.length + 1).replace(/^(\d+|__i__)\./, "");
        el.name = name + "." + i + "." + rest;
        el.id = "f-" + el.name;
        var label = el.closest("label");
        if (label) label.htmlFor = el.id;
      });
    });
  }

  function lists() {
    document.querySelectorAll("fieldset[data-list]").forEach(function (list) {
      var rows = list.querySelector("[data-rows]");
      var tpl = list.querySelector("template");
      var add = list.querySelector("[data-add-row]");
      add.hidden = false;
      list.querySelectorAll("[data-remove-row]").forEach(function (b) { b.hidden = false; });
      add.addEventListener("click", function () {
        var row = tpl.content.firstElementChild.cloneNode(true);
        row.querySelector("[data-remove-row]").hidden = false;
        rows.appendChild(row);
        renumber(list);
        var first = row.querySelector("input,textarea,select");
        if (first) first.focus();
      });
      rows.addEventListener("click", function (e) {
        var b = e.target.closest("[data-remove-row]");
        if (!b) return;
        b.closest("[data-row]").remove();
        renumber(list);
      });
    });
  }

  function countdowns() {
    var els = document.querySelectorAll("[data-deadline]");
    if (!els.length) return;
    function tick() {
      var now = Date.now();
      els.forEach(function (el) {
        var ms = Date.parse(el.getAttribute("data-deadline")) - now;
        var mins = Math.floor(Math.abs(ms) / 60000);
        var d = Math.floor(mins / 1440), h = Math.floor((mins % 1440) / 60), m = mins % 60;
        var span = fill(d ? W.dh : h ? W.hm : W.m, { d: d, h: h, m: m });
        el.textContent = fill(ms >= 0 ? W.left : W.over, { span: span });
        el.classList.toggle("late", ms < 0);
        el.classList.toggle("soon", ms >= 0 && ms < 864e5);
      });
    }
    setInterval(tick, 30000);
  }

  function confirms() {
    document.querySelectorAll("form[data-confirm]").forEach(function (f) {
      f.addEventListener("submit", function (e) { if (!window.confirm(f.getAttribute("data-confirm"))) e.preventDefault(); });
    });
  }

  function logout() {
    document.querySelectorAll("form[data-logout]").forEach(function (f) {
      f.addEventListener("submit", function (e) {
        e.preventDefault();
        fetch(f.action, { method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrf } })
          .finally(function () { location.href = "/admin/login"; });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    fillCsrf().then(logout);
    lists();
    countdowns();
    confirms();
  });
})();
