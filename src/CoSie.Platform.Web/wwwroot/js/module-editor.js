// Live preview for the module editor. Without JavaScript the "Update preview" button does the same.
(function () {
  "use strict";
  var form = document.querySelector("form.module-form");
  if (!form) { return; }
  var body = form.querySelector("textarea.module-body");
  var preview = form.querySelector(".preview-body");
  var url = form.getAttribute("data-preview-url");
  var button = form.querySelector(".preview-button");
  if (!body || !preview || !url) { return; }
  if (button) { button.hidden = true; }
  var timer = null;
  var sequence = 0;

  function refresh() {
    var data = new FormData();
    var token = form.querySelector("input[name=__RequestVerificationToken]");
    var format = form.querySelector("input[name='Input.Format']:checked");
    data.append("Input.Body", body.value);
    data.append("Input.Format", format ? format.value : "Markdown");
    if (token) { data.append("__RequestVerificationToken", token.value); }
    var mine = ++sequence;
    fetch(url, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        // The server returns sanitized HTML, the same that saving stores.
        if (mine === sequence) { preview.innerHTML = html; }
      })
      .catch(function () { if (button) { button.hidden = false; } });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }

  body.addEventListener("input", schedule);
  form.querySelectorAll("input[name='Input.Format']").forEach(function (radio) {
    radio.addEventListener("change", refresh);
  });
})();
