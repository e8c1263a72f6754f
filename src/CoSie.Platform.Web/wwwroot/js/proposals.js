// Live proposals on top of a page that works without JavaScript: when someone proposes, supports, comments or an
// instructor decides, the list is fetched again (through the page's own access check) and swapped in, unless the
// person is typing in it; then a notice offers the reload instead.
const list = document.getElementById("proposal-list");
if (list && window.signalR) {
  watch(list);
}

function watch(section) {
  const institution = section.getAttribute("data-institution");
  const cohortId = section.getAttribute("data-cohort-id");
  const moduleId = section.getAttribute("data-module-id");
  const notice = section.querySelector(".live-notice");
  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl("/hubs/discussions")
    .withAutomaticReconnect([0, 2000, 5000, 10000, 30000])
    .build();

  const busy = () => Array.from(section.querySelectorAll("textarea, input:not([type=hidden])"))
    .some((field) => field.value && field.value.trim() !== "" && field.defaultValue !== field.value);

  connection.on("ProposalsChanged", async () => {
    if (busy()) {
      if (notice) {
        notice.textContent = "";
        const link = document.createElement("a");
        link.href = window.location.pathname + window.location.search;
        link.textContent = section.getAttribute("data-text-changed") || "";
        notice.appendChild(link);
        notice.hidden = false;
      }
      return;
    }
    const response = await fetch(window.location.pathname + window.location.search, { credentials: "same-origin" });
    if (!response.ok) { return; }
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById("proposal-list");
    if (fresh) {
      section.replaceChildren(...Array.from(fresh.childNodes).map((node) => document.importNode(node, true)));
    }
  });

  const join = () => connection.invoke("WatchProposals", institution, cohortId, moduleId);
  connection.onreconnected(() => { join().catch(() => {}); });
  connection.start().then(join).catch(() => {});
}
