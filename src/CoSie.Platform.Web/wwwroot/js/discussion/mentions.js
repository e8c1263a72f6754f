// @mentions: after "@" and a few letters, a list of cohort members to pick from, following the WAI-ARIA APG
// combobox-with-listbox pattern. The text box keeps the focus throughout: it is the combobox, says whether the list
// is open (aria-expanded) and which suggestion is current (aria-activedescendant); Arrow Up/Down move, Enter or Tab
// choose, Escape closes, a click chooses too. A polite live region says how many members match. Without script the
// box is a plain text box, and "@Name" typed by hand mentions just the same.
import { plural } from "./text.js";

export function setUpMentions() {
  document.querySelectorAll("textarea.post-editor[data-members-url]").forEach(mentionBox);
}

function mentionBox(area) {
  const url = area.getAttribute("data-members-url");
  const box = document.createElement("ul");
  box.className = "mention-list";
  box.setAttribute("role", "listbox");
  box.id = area.id + "-mentions";
  box.setAttribute("aria-label", area.getAttribute("data-text-mention-list") || "Members");
  box.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden mention-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  area.after(box, status);
  area.setAttribute("role", "combobox");
  area.setAttribute("aria-controls", box.id);
  area.setAttribute("aria-autocomplete", "list");
  area.setAttribute("aria-expanded", "false");
  let start = -1;
  let selected = -1;
  let timer = null;
  let asked = 0;

  function options() { return Array.from(box.children); }

  function close() {
    clearTimeout(timer);
    asked++;
    box.hidden = true;
    box.textContent = "";
    status.textContent = "";
    start = -1;
    selected = -1;
    area.setAttribute("aria-expanded", "false");
    area.removeAttribute("aria-activedescendant");
  }

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
    options().forEach((li, i) => li.setAttribute("aria-selected", i === selected ? "true" : "false"));
    const current = options()[selected];
    if (current) {
      area.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    } else {
      area.removeAttribute("aria-activedescendant");
    }
  }

  async function suggest(query, at) {
    const ticket = ++asked;
    let members = [];
    try {
      const response = await fetch(url + "&q=" + encodeURIComponent(query), { credentials: "same-origin", headers: { Accept: "application/json" } });
      members = response.ok ? await response.json() : [];
    } catch {
      members = [];
    }
    if (ticket !== asked) { return; } // a later keystroke asked again, or the list was closed meanwhile
    start = at;
    box.textContent = "";
    members.slice(0, 8).forEach((member, i) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = box.id + "-" + i;
      li.textContent = member.name;
      li.addEventListener("mousedown", (event) => { event.preventDefault(); choose(member.name); });
      box.appendChild(li);
    });
    const count = box.children.length;
    selected = count > 0 ? 0 : -1;
    highlight();
    box.hidden = count === 0;
    area.setAttribute("aria-expanded", count > 0 ? "true" : "false");
    status.textContent = plural(area.getAttribute("data-text-mention-count"), count);
  }

  area.addEventListener("input", () => {
    const text = area.value.slice(0, area.selectionStart);
    const at = text.lastIndexOf("@");
    const query = at >= 0 ? text.slice(at + 1) : "";
    if (at < 0 || (at > 0 && /[\w]/.test(text.charAt(at - 1))) || query.length < 1 || query.length > 30 || /\n/.test(query)) {
      close();
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => suggest(query, at), 150);
  });
  area.addEventListener("keydown", (event) => {
    if (box.hidden || box.children.length === 0) { return; }
    const count = box.children.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      selected = (selected + (event.key === "ArrowDown" ? 1 : count - 1)) % count;
      highlight();
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && selected >= 0) {
      event.preventDefault();
      choose(box.children[selected].textContent);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  area.addEventListener("blur", () => setTimeout(() => { if (document.activeElement !== area) { close(); } }, 150));
}
