// Drafts: what a person types into a post editor is saved on the server a moment after they pause (the same
// handler as the "Save draft" button, marked as an autosave so that it answers with a status alone), and leaving
// the page with text the server does not have yet asks first. Posting or previewing leaves without asking.
const pause = 1500;

export function setUpDrafts() {
  document.querySelectorAll("textarea.post-editor[data-draft-url]").forEach(draftBox);
}

function draftBox(area) {
  const form = area.form;
  const status = form && form.querySelector(".draft-status");
  if (!form || !status) { return; }
  const url = area.getAttribute("data-draft-url");
  let saved = area.value;
  let timer = null;
  let leaving = false;

  const say = (text) => { status.textContent = text || ""; };

  async function save() {
    timer = null;
    const text = area.value;
    if (leaving || text === saved) { return; }
    const body = new FormData();
    body.append("Input.Body", text);
    const token = form.querySelector("input[name=__RequestVerificationToken]");
    if (token) { body.append("__RequestVerificationToken", token.value); }
    try {
      const response = await fetch(url, { method: "POST", body, headers: { "X-Draft-Autosave": "1" }, credentials: "same-origin" });
      if (response.ok) {
        saved = text;
        say(area.value === text ? status.getAttribute("data-text-saved") : "");
      } else {
        const reason = response.status === 400 ? await response.text() : "";
        say(reason || status.getAttribute("data-text-failed"));
      }
    } catch {
      say(status.getAttribute("data-text-failed"));
    }
  }

  area.addEventListener("input", () => {
    say("");
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, pause);
  });
  // Leaving the box saves at once (the next thing may be closing the tab), unless it is for one of the form's own
  // buttons: posting or previewing sends the text itself, and a save racing the post would outlive it.
  area.addEventListener("blur", (event) => {
    if (!timer) { return; }
    clearTimeout(timer);
    timer = null;
    const next = event.relatedTarget;
    if (next && next.form === form && next.type === "submit") { return; }
    save();
  });
  form.addEventListener("submit", () => {
    leaving = true;
    if (timer) { clearTimeout(timer); timer = null; }
  });
  window.addEventListener("beforeunload", (event) => {
    if (leaving || area.value === saved) { return; }
    event.preventDefault();
    event.returnValue = "";
  });
}
