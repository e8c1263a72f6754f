import { setReplyCount } from "./text.js";

// The prompt page announces new reflections and keeps reply counts current. Returns the watch to run on every
// (re)connect.
export function watchPromptList(connection, list) {
  const institution = list.getAttribute("data-institution");
  const cohortId = list.getAttribute("data-cohort-id");
  const promptId = list.getAttribute("data-prompt-id");
  const notice = list.querySelector(".new-reflections-notice");

  connection.on("ReflectionPosted", () => {
    if (!notice) { return; }
    notice.textContent = "";
    const link = document.createElement("a");
    link.href = window.location.pathname + window.location.search;
    link.textContent = list.getAttribute("data-text-new-reflections");
    notice.appendChild(link);
    notice.hidden = false;
  });
  connection.on("ThreadActivity", (message) => {
    const card = list.querySelector(".reflection-summary[data-reflection-id='" + message.reflectionId + "'] .reply-count");
    if (card) {
      setReplyCount(card, message.replyCount);
    }
  });

  return () => connection.invoke("WatchPrompt", institution, cohortId, promptId);
}
