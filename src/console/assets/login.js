// Signs in through the staff API (JSON) and goes on to the page that asked for it.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var form = document.getElementById("login");
  var error = document.getElementById("login-error");
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    error.hidden = true;
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: form.username.value, password: form.password.value }),
    })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) {
        if (r.ok) { location.href = form.getAttribute("data-next") || "/admin"; return; }
        error.textContent = (r.body && r.body.error && r.body.error.message) || JSON.parse(document.body.getAttribute("data-words")).failed;
        error.hidden = false;
      });
  });
});
