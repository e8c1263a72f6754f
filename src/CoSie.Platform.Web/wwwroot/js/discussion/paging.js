import { plural } from "./text.js";
import { place, setUpReplyLinks } from "./placement.js";

// A thread page shows one page of replies: "Show more" appends the next page in place, and a link to a post on
// another page follows to the page that holds it. Returns null when it leaves for that page.
export function setUpPaging(thread) {
  const hash = window.location.hash;
  if (hash.indexOf("#post-") === 0 && !document.getElementById(hash.slice(1))) {
    const wanted = hash.slice("#post-".length);
    if (/^[0-9a-f-]{36}$/i.test(wanted) && new URLSearchParams(window.location.search).get("post") !== wanted) {
      window.location.replace(window.location.pathname + "?post=" + wanted + hash);
      return null;
    }
  }
  const link = document.querySelector(".show-more");
  const announce = document.querySelector(".more-status");
  let remaining = link ? parseInt(link.getAttribute("data-remaining"), 10) || 0 : 0;

  function show() {
    if (!link) { return; }
    link.textContent = plural(link.getAttribute("data-text-more"), remaining);
    link.setAttribute("data-remaining", String(remaining));
    link.closest("nav").hidden = remaining <= 0;
  }

  async function load(page, since) {
    const response = await fetch(window.location.pathname + "?handler=Page&page=" + page + since,
      { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) { throw new Error("HTTP " + response.status); }
    const left = parseInt(response.headers.get("X-Replies-Remaining"), 10);
    const template = document.createElement("template");
    template.innerHTML = await response.text();
    const added = [];
    template.content.querySelectorAll("article.post").forEach((article) => {
      // Already here: arrived live, or the pages moved by a reply posted above.
      if (document.getElementById(article.id)) { return; }
      place(thread, article);
      added.push(article);
    });
    added.forEach((article) => setUpReplyLinks(article));
    remaining = isNaN(left) ? Math.max(0, remaining - added.length) : left;
    return added;
  }

  if (link) {
    link.addEventListener("click", async (event) => {
      event.preventDefault();
      if (link.getAttribute("aria-busy") === "true") { return; }
      const page = parseInt(link.getAttribute("data-next-page"), 10);
      const since = link.getAttribute("data-since") || "";
      link.setAttribute("aria-busy", "true");
      try {
        const added = await load(page, since);
        link.setAttribute("data-next-page", String(page + 1));
        link.href = "?page=" + (page + 1) + since;
        show();
        if (announce) { announce.textContent = plural(link.getAttribute("data-text-loaded"), added.length); }
        // Keyboard focus moves to the first reply shown, where reading goes on (the button may be gone).
        if (added[0]) {
          added[0].setAttribute("tabindex", "-1");
          added[0].focus();
        }
      } catch {
        if (announce) { announce.textContent = link.getAttribute("data-text-failed") || ""; }
      } finally {
        link.removeAttribute("aria-busy");
      }
    });
  }
  return {
    remaining: () => remaining,
    grow: () => { remaining += 1; show(); },
  };
}
