// Account management through the staff API: list, create, change role/department, disable/enable,
// reset a forgotten password.
// Every change carries the session's CSRF token (from GET /api/v1/staff/me); labels come from the page.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var table = document.getElementById("accounts");
  var L = JSON.parse(table.getAttribute("data-labels"));
  var roles = table.getAttribute("data-roles").split(",");
  var message = document.getElementById("account-message");
  var csrf = "";

  function call(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: body ? { "Content-Type": "application/json", "X-CSRF-Token": csrf } : { "X-CSRF-Token": csrf },
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); });
  }
  function say(text, bad) { message.textContent = text; message.className = bad ? "error" : "flash"; }
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }

  function row(a) {
    var tr = el("tr");
    tr.setAttribute("data-account", a.username);
    tr.appendChild(el("td", a.username));
    var role = el("select");
    roles.forEach(function (r) { var o = el("option", L["role_" + r]); o.value = r; o.selected = r === a.role; role.appendChild(o); });
    var dept = el("input"); dept.value = a.department || "";
    var td1 = el("td"); td1.appendChild(role); tr.appendChild(td1);
    var td2 = el("td"); td2.appendChild(dept); tr.appendChild(td2);
    tr.appendChild(el("td", (a.disabled ? L.disabled : L.active) + (a.locked ? " · " + L.locked : "")));
    var actions = el("td");
    var save = el("button", L.save); save.type = "button"; save.className = "secondary";
    save.addEventListener("click", function () {
      call("PATCH", "/api/v1/admin/accounts/" + a.id, { role: role.value, department: dept.value || null }).then(done);
    });
    var toggle = el("button", a.disabled ? L.enable : L.disable); toggle.type = "button"; toggle.className = "danger";
    toggle.addEventListener("click", function () { call("PATCH", "/api/v1/admin/accounts/" + a.id, { disabled: !a.disabled }).then(done); });
    actions.appendChild(save); actions.appendChild(document.createTextNode(" ")); actions.appendChild(toggle);
    // A forgotten password: the administrator gives a new one, to be changed on the 修改密码 page.
    var pw = el("input"); pw.type = "password"; pw.autocomplete = "new-password"; pw.placeholder = L.new_password; pw.setAttribute("aria-label", L.new_password);
    var reset = el("button", L.reset); reset.type = "button"; reset.className = "secondary";
    reset.addEventListener("click", function () {
      call("POST", "/api/v1/admin/accounts/" + a.id + "/password", { password: pw.value }).then(function (r) {
        if (r.ok) say(L.reset_done.replace("{username}", a.username), false);
        done(r);
      });
    });
    var line = el("div"); line.className = "reset"; line.appendChild(pw); line.appendChild(document.createTextNode(" ")); line.appendChild(reset);
    actions.appendChild(line);
    tr.appendChild(actions);
    return tr;
  }
  function done(r) { if (!r.ok) say((r.json && r.json.error && r.json.error.message) || L.failed, true); load(); }
  function load() {
    return call("GET", "/api/v1/admin/accounts").then(function (r) {
      var body = table.querySelector("tbody");
      body.textContent = "";
      (r.json.items || []).forEach(function (a) { body.appendChild(row(a)); });
      table.setAttribute("data-loaded", "1");
    });
  }
  document.getElementById("account-create").addEventListener("submit", function (e) {
    e.preventDefault();
    var f = e.target;
    call("POST", "/api/v1/admin/accounts", { username: f.username.value, password: f.password.value, role: f.role.value, department: f.department.value || undefined })
      .then(function (r) { if (r.ok) { say(L.created, false); f.reset(); } else say((r.json && r.json.error && r.json.error.message) || L.failed, true); return load(); });
  });
  fetch("/api/v1/staff/me", { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (me) { csrf = me.csrfToken || ""; return load(); });
});
