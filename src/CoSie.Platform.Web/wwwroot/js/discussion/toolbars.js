// Each post's actions (Helpful, Reply, Flag, Edit...) as one toolbar with a roving tabindex (the WAI-ARIA toolbar
// pattern): Tab enters and leaves it in one stop, the arrow keys, Home and End move inside it. Without this module
// every action is its own tab stop, so nothing depends on it. Posts that arrive later (live or by "Show more") are
// set up as they are added.
const ITEMS = "a[href], button:not([disabled])";

export function setUpPostToolbars(root) {
  root.querySelectorAll(".post-actions").forEach(enhance);
  root.addEventListener("keydown", onKeyDown);
  root.addEventListener("focusin", onFocusIn);
  new MutationObserver((changes) => {
    for (const change of changes) {
      change.addedNodes.forEach((node) => {
        if (!(node instanceof Element)) { return; }
        if (node.matches(".post-actions")) { enhance(node); }
        node.querySelectorAll(".post-actions").forEach(enhance);
      });
    }
  }).observe(root, { childList: true, subtree: true });
}

function enhance(toolbar) {
  const items = itemsOf(toolbar);
  if (items.length < 2) {
    toolbar.removeAttribute("role");
    items.forEach((item) => item.removeAttribute("tabindex"));
    return;
  }
  toolbar.setAttribute("role", "toolbar");
  const label = toolbar.getAttribute("data-label");
  if (label) { toolbar.setAttribute("aria-label", label); }
  const current = items.find((item) => item.getAttribute("tabindex") === "0") || items[0];
  items.forEach((item) => item.setAttribute("tabindex", item === current ? "0" : "-1"));
}

function itemsOf(toolbar) {
  return [...toolbar.querySelectorAll(ITEMS)].filter((item) => !item.closest("[hidden]"));
}

function onFocusIn(event) {
  const toolbar = event.target.closest && event.target.closest(".post-actions[role=toolbar]");
  if (!toolbar) { return; }
  const items = itemsOf(toolbar);
  if (!items.includes(event.target)) { return; }
  items.forEach((item) => item.setAttribute("tabindex", item === event.target ? "0" : "-1"));
}

function onKeyDown(event) {
  if (event.altKey || event.ctrlKey || event.metaKey) { return; }
  const toolbar = event.target.closest && event.target.closest(".post-actions[role=toolbar]");
  if (!toolbar) { return; }
  const items = itemsOf(toolbar);
  const at = items.indexOf(event.target);
  if (at < 0) { return; }
  const rtl = getComputedStyle(toolbar).direction === "rtl";
  let next;
  switch (event.key) {
    case "ArrowRight": next = rtl ? at - 1 : at + 1; break;
    case "ArrowLeft": next = rtl ? at + 1 : at - 1; break;
    case "Home": next = 0; break;
    case "End": next = items.length - 1; break;
    default: return;
  }
  event.preventDefault();
  next = (next + items.length) % items.length;
  items.forEach((item, i) => item.setAttribute("tabindex", i === next ? "0" : "-1"));
  items[next].focus();
}
