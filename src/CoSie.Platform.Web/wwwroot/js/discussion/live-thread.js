import { localizeTimes, plural, setReplyCount, toElement } from "./text.js";
import { place, setUpReplyLinks } from "./placement.js";

// New replies, edits, deletions, moderation and "helpful" counts of one thread arrive in place; a rejoin after a
// reconnect catches up from the last event sequence seen, and so does a push that skips a sequence (one push lost, or
// two crossing on the way). Every post's HTML comes from the server, rendered by the same code as the page and
// sanitized there. Returns the join to run on every (re)connect.
export function followThread(connection, thread, more, say) {
  const institution = thread.getAttribute("data-institution");
  const reflectionId = thread.getAttribute("data-reflection-id");
  const canParticipate = thread.getAttribute("data-can-participate") === "true";
  const notice = document.querySelector(".new-replies-notice");
  const noticeButton = notice ? notice.querySelector("button") : null;
  let lastSequence = parseInt(thread.getAttribute("data-last-sequence"), 10) || 0;
  let pending = [];

  // While a join or a catch-up is on its way, the server may already push events newer than the ones its answer
  // brings (a join joins the group first, then reads what was missed). Those pushes wait here and are received again
  // after the missed ones, in sequence order, so that none is skipped as already seen and none is applied twice.
  let early = null;

  function join() {
    return catchUp(connection.invoke("JoinThread", institution, reflectionId, lastSequence));
  }

  function catchUp(invocation) {
    early = early || [];
    return invocation.then((result) => {
      if (!result.joined) { early = null; accessEnded(); return; }
      if (result.reload) { early = null; say(thread.getAttribute("data-text-session-ended")); return; }
      result.missed.forEach(apply);
      // The answer's last sequence also covers events this page never shows (a reply awaiting approval, for readers).
      lastSequence = Math.max(lastSequence, result.lastSequence);
      release();
    }, (error) => {
      // A call cut off (the connection dropped again) brought none of what was missed: applying the held pushes
      // would leave a gap behind them for good. The join after the reconnect brings them all.
      early = null;
      throw error;
    });
  }

  function release() {
    const waiting = early || [];
    early = null;
    waiting.sort((a, b) => a.sequence - b.sequence).forEach(receive);
  }

  // Sequences of a thread are consecutive: a push beyond the next one means events in between have not arrived, so
  // they are asked for before it is applied. A failed ask is left to the next push or the next reconnect.
  function receive(message) {
    if (early) { early.push(message); return; }
    if (message.reflectionId === reflectionId && message.sequence > lastSequence + 1) {
      early = [message];
      catchUp(connection.invoke("CatchUp", reflectionId, lastSequence)).catch(() => {});
      return;
    }
    apply(message);
  }

  function accessEnded() {
    say(thread.getAttribute("data-text-access-ended"));
    connection.stop();
  }

  connection.on("ReplyPosted", receive);
  connection.on("PostEdited", receive);
  connection.on("PostDeleted", receive);
  connection.on("HelpfulChanged", receive);
  // Moderation: a hidden, restored, approved or purged post arrives rendered for this page's kind of reader.
  connection.on("PostModerated", receive);
  connection.on("AccessEnded", (id) => { if (id === reflectionId) { accessEnded(); } });

  if (noticeButton) {
    noticeButton.addEventListener("click", () => {
      const first = pending[0];
      pending.forEach((article) => { article.hidden = false; article.classList.add("just-arrived"); });
      pending = [];
      notice.hidden = true;
      if (first) {
        first.setAttribute("tabindex", "-1");
        first.focus();
      }
    });
  }

  function apply(message) {
    if (message.reflectionId !== reflectionId || message.sequence <= lastSequence) { return; }
    lastSequence = message.sequence;
    // Moderation: a lock closes the reply form, an unlock opens it, whether pushed or caught up after a rejoin.
    if (message.kind === "ThreadLocked" || message.kind === "ThreadUnlocked") {
      const form = document.getElementById("reply-form");
      if (form) { form.hidden = message.kind === "ThreadLocked"; }
    }
    const existing = document.getElementById("post-" + message.postId);
    const count = thread.parentNode.querySelector(".reply-count");
    if (count && typeof message.replyCount === "number") {
      setReplyCount(count, message.replyCount);
    }
    if (message.kind === "HelpfulChanged") {
      const counter = existing ? existing.querySelector(".helpful-count") : null;
      if (counter) { counter.textContent = String(message.helpfulCount); }
      return;
    }
    if (!message.html) { return; }
    const article = toElement(message.html);
    if (!article) { return; }
    localizeTimes(article);
    if (!canParticipate) {
      article.querySelectorAll(".reply-link, .helpful-button").forEach((el) => el.remove());
    }
    if (existing) {
      replace(existing, article, message.kind);
      return;
    }
    // Only a post new to this page is placed: one on a page not loaded stays there.
    if (message.kind !== "ReplyPosted" && message.kind !== "PostApproved") { return; }
    const path = message.path || "";
    const shown = thread.querySelectorAll("article.post.reply");
    if (shown.length && path < (shown[0].getAttribute("data-path") || "")) { return; }
    if (more.remaining() > 0 && (!shown.length || path > (shown[shown.length - 1].getAttribute("data-path") || ""))) {
      // It belongs after what is loaded: "Show more" will bring it.
      more.grow();
      return;
    }
    // New replies wait behind the notice, so the page does not move under the reader.
    article.hidden = true;
    place(thread, article);
    pending.push(article);
    setUpReplyLinks(article);
    if (notice && noticeButton) {
      noticeButton.textContent = plural(thread.getAttribute("data-text-new-replies"), pending.length);
      notice.hidden = false;
    }
  }

  // Keeps what this page knows that the push does not: the person's own links and marks.
  function replace(existing, article, kind) {
    const ownActions = existing.querySelector(".post-actions");
    const pushedActions = article.querySelector(".post-actions");
    if (ownActions && pushedActions) {
      const counterNow = pushedActions.querySelector(".helpful-count");
      const ownCounter = ownActions.querySelector(".helpful-count");
      if (counterNow && ownCounter) { ownCounter.textContent = counterNow.textContent; }
      if (kind === "PostDeleted") {
        ownActions.querySelectorAll(".reply-link, .edit-link, .delete-link, .helpful-button").forEach((el) => el.remove());
      }
      pushedActions.replaceWith(ownActions);
    }
    article.hidden = existing.hidden;
    existing.replaceWith(article);
    const index = pending.indexOf(existing);
    if (index >= 0) { pending[index] = article; }
  }

  return join;
}
