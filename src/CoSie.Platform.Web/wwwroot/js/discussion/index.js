// Live discussions on top of pages that work without JavaScript. One module per concern: paging.js (a thread's
// "Show more" and links to posts on other pages), live-thread.js (a thread's live events), prompt-list.js (a
// prompt's list), placement.js (where a reply goes, and the reply form), mentions.js (@mention suggestions),
// drafts.js (saving what is typed), toolbars.js (each post's actions as one tab stop).
// The SignalR client is a classic script loaded before this module.
import { setUpDrafts } from "./drafts.js";
import { setUpMentions } from "./mentions.js";
import { setUpPaging } from "./paging.js";
import { setUpReplyLinks } from "./placement.js";
import { setUpPostToolbars } from "./toolbars.js";
import { followThread } from "./live-thread.js";
import { watchPromptList } from "./prompt-list.js";

start();

function start() {
  setUpDrafts();
  const thread = document.getElementById("thread");
  if (thread) { setUpPostToolbars(thread); }
  const more = thread ? setUpPaging(thread) : null;
  if (thread && !more) { return; }
  setUpMentions();
  setUpReplyLinks();
  if (!window.signalR) { return; }

  const list = document.querySelector(".reflection-list-section[data-watch=true]");
  const badge = document.querySelector(".notification-badge");
  const badgeLink = document.querySelector(".notifications-link");
  if (!thread && !list && !badge) { return; }

  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl("/hubs/discussions")
    .withAutomaticReconnect([0, 2000, 5000, 10000, 20000, 30000, 60000])
    .build();
  const status = document.querySelector(".live-status");
  const say = (text) => { if (status) { status.textContent = text || ""; } };

  connection.on("NotificationReceived", (message) => {
    if (!badge || !badgeLink || badgeLink.getAttribute("data-institution-id") !== message.institutionId) { return; }
    badge.textContent = String(message.unread);
    badge.hidden = message.unread === 0;
  });
  connection.on("SessionEnded", () => {
    say(thread ? thread.getAttribute("data-text-session-ended") : "");
    connection.stop();
  });

  const joins = [];
  if (thread) { joins.push(followThread(connection, thread, more, say)); }
  if (list) { joins.push(watchPromptList(connection, list)); }
  const join = () => Promise.all(joins.map((run) => run()));

  // A refusal the server words for people (too many live requests, a closed connection) arrives as a HubException,
  // whose text SignalR puts after its own prefix; anything else stays quiet, as the page works without live updates.
  const refused = (error) => {
    const text = String((error && error.message) || "");
    const at = text.indexOf("HubException: ");
    if (at >= 0) { say(text.slice(at + "HubException: ".length)); }
  };

  connection.onreconnecting(() => say(thread ? thread.getAttribute("data-text-reconnecting") : ""));
  connection.onreconnected(() => { say(""); join().catch(refused); });
  connection.start().then(join).catch(refused);
}
