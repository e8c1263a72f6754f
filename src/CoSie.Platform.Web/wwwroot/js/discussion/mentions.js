// @mentions: after "@" and a few letters, a list of cohort members to pick from (arrows, Enter, or a click).
export function setUpMentions() {
  document.querySelectorAll("textarea.post-editor[data-members-url]").forEach(mentionBox);
}

function mentionBox(area) {
  const url = area.getAttribute("data-members-url");
  const box = document.createElement("ul");
  box.className = "mention-list";
  box.setAttribute("role", "listbox");
  box.id = area.id + "-mentions";
  box.hidden = true;
  area.after(box);
  area.setAttribute("aria-controls", box.id);
  area.setAttribute("aria-autocomplete", "list");
  let start = -1;
  let selected = 0;
  let timer = null;

  function close() { box.hidden = true; box.textContent = ""; start = -1; }

  function choose(name) {
    const before = area.value.slice(0, start);
    const after = area.value.slice(area.selectionStart);
    area.value = before + "@" + name + " " + after;
    const caret = before.length + name.length + 2;
    area.setSelectionRange(caret, caret);
    close();
    area.focus();
  }

  function highlight() {
    Array.from(box.children).forEach((li, i) => li.setAttribute("aria-selected", i === selected ? "true" : "false"));
  }

  async function suggest(query) {
    try {
      const response = await fetch(url + "&q=" + encodeURIComponent(query), { credentials: "same-origin", headers: { Accept: "application/json" } });
      const members = response.ok ? await response.json() : [];
      box.textContent = "";
      members.slice(0, 8).forEach((member) => {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        li.textContent = member.name;
        li.addEventListener("mousedown", (event) => { event.preventDefault(); choose(member.name); });
        box.appendChild(li);
      });
      selected = 0;
      highlight();
      box.hidden = members.length === 0;
    } catch {
      close();
    }
  }

  area.addEventListener("input", () => {
    const text = area.value.slice(0, area.selectionStart);
    const at = text.lastIndexOf("@");
    const query = at >= 0 ? text.slice(at + 1) : "";
    if (at < 0 || (at > 0 && /[\w]/.test(text.charAt(at - 1))) || query.length < 1 || query.length > 30 || /\n/.test(query)) { close(); return; }
    start = at;
    clearTimeout(timer);
    timer = setTimeout(() => suggest(query), 150);
  });
  area.addEventListener("keydown", (event) => {
    if (box.hidden) { return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      selected = (selected + (event.key === "ArrowDown" ? 1 : box.children.length - 1)) % box.children.length;
      highlight();
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(box.children[selected].textContent);
    } else if (event.key === "Escape") {
      close();
    }
  });
  area.addEventListener("blur", () => setTimeout(close, 150));
}
