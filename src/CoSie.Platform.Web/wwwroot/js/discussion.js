// Live discussions on top of pages that work without JavaScript: new replies, edits, deletions and "helpful"
// counts arrive in place; a reconnect catches up from the last event sequence seen; @mentions autocomplete.
// Every post's HTML comes from the server, rendered by the same code as the page and sanitized there.
(function () {
  "use strict";

  // The page renders "1 reply" and "{0} replies" (localized) as data attributes, so counts stay grammatical live.
  function setReplyCount(element, count) {
    element.setAttribute("data-reply-count", String(count));
    var one = element.getAttribute("data-one");
    var many = element.getAttribute("data-many");
    element.textContent = count === 1 && one ? one : (many || "{0}").replace("{0}", String(count));
  }
  if (!window.signalR) { return; }

  var thread = document.getElementById("thread");
  var list = document.querySelector(".reflection-list-section[data-watch=true]");
  var badge = document.querySelector(".notification-badge");
  var badgeLink = document.querySelector(".notifications-link");
  setUpMentions();
  setUpReplyLinks();
  if (!thread && !list && !badge) { return; }

  var connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/discussions")
    .withAutomaticReconnect([0, 2000, 5000, 10000, 20000, 30000, 60000])
    .build();
  var status = document.querySelector(".live-status");

  function say(text) { if (status) { status.textContent = text || ""; } }

  connection.on("NotificationReceived", function (message) {
    if (!badge || !badgeLink || badgeLink.getAttribute("data-institution-id") !== message.institutionId) { return; }
    badge.textContent = String(message.unread);
    badge.hidden = message.unread === 0;
  });
  connection.on("SessionEnded", function () {
    say(thread ? thread.getAttribute("data-text-session-ended") : "");
    connection.stop();
  });

  var joinThread = function () { return Promise.resolve(); };
  var watchList = function () { return Promise.resolve(); };
  if (thread) { setUpThread(); }
  if (list) { setUpList(); }

  connection.onreconnecting(function () { say(thread ? thread.getAttribute("data-text-reconnecting") : ""); });
  connection.onreconnected(function () { say(""); join(); });
  connection.start().then(join).catch(function () { /* The page works without live updates. */ });

  function join() { return Promise.all([joinThread(), watchList()]); }

  function setUpThread() {
    var institution = thread.getAttribute("data-institution");
    var reflectionId = thread.getAttribute("data-reflection-id");
    var lastSequence = parseInt(thread.getAttribute("data-last-sequence"), 10) || 0;
    var canParticipate = thread.getAttribute("data-can-participate") === "true";
    var notice = document.querySelector(".new-replies-notice");
    var noticeButton = notice ? notice.querySelector("button") : null;
    var pending = [];

    joinThread = function () {
      return connection.invoke("JoinThread", institution, reflectionId, lastSequence).then(function (result) {
        if (!result.joined) { accessEnded(); return; }
        if (result.reload) { say(thread.getAttribute("data-text-session-ended")); return; }
        result.missed.forEach(apply);
      });
    };

    function accessEnded() {
      say(thread.getAttribute("data-text-access-ended"));
      connection.stop();
    }

    connection.on("ReplyPosted", apply);
    connection.on("PostEdited", apply);
    connection.on("PostDeleted", apply);
    connection.on("HelpfulChanged", apply);
    // Moderation: a hidden, restored, approved or purged post arrives rendered for this page's kind of reader; a
    // lock closes the reply form.
    connection.on("PostModerated", function (message) {
      if (message.reflectionId === reflectionId && (message.kind === "ThreadLocked" || message.kind === "ThreadUnlocked")) {
        var form = document.getElementById("reply-form");
        if (form) { form.hidden = message.kind === "ThreadLocked"; }
      }
      apply(message);
    });
    connection.on("AccessEnded", function (id) { if (id === reflectionId) { accessEnded(); } });

    if (noticeButton) {
      noticeButton.addEventListener("click", function () {
        var first = pending[0];
        pending.forEach(function (article) { article.hidden = false; article.classList.add("just-arrived"); });
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
      var existing = document.getElementById("post-" + message.postId);
      var count = thread.parentNode.querySelector(".reply-count");
      if (count && typeof message.replyCount === "number") {
        setReplyCount(count, message.replyCount);
      }
      if (message.kind === "HelpfulChanged") {
        var counter = existing ? existing.querySelector(".helpful-count") : null;
        if (counter) { counter.textContent = String(message.helpfulCount); }
        return;
      }
      if (!message.html) { return; }
      var article = toElement(message.html);
      if (!article) { return; }
      if (!canParticipate) {
        article.querySelectorAll(".reply-link, .helpful-button").forEach(function (el) { el.remove(); });
      }
      if (existing) {
        // Keep what this page knows that the push does not: the person's own links and marks.
        var ownActions = existing.querySelector(".post-actions");
        var pushedActions = article.querySelector(".post-actions");
        if (ownActions && pushedActions) {
          var counterNow = pushedActions.querySelector(".helpful-count");
          var ownCounter = ownActions.querySelector(".helpful-count");
          if (counterNow && ownCounter) { ownCounter.textContent = counterNow.textContent; }
          if (message.kind === "PostDeleted") { ownActions.querySelectorAll(".reply-link, .edit-link, .delete-link, .helpful-button").forEach(function (el) { el.remove(); }); }
          pushedActions.replaceWith(ownActions);
        }
        article.hidden = existing.hidden;
        existing.replaceWith(article);
        if (pending.indexOf(existing) >= 0) { pending[pending.indexOf(existing)] = article; }
        return;
      }
      var parentId = message.parentId || reflectionId;
      var parent = document.getElementById("post-" + parentId);
      if (!parent) { return; }
      var depth = parseInt(parent.getAttribute("data-depth"), 10);
      var after = parent;
      var next = parent.nextElementSibling;
      while (next && next.matches("article.post") && parseInt(next.getAttribute("data-depth"), 10) > depth) {
        after = next;
        next = next.nextElementSibling;
      }
      // New replies wait behind the notice, so the page does not move under the reader.
      article.hidden = true;
      after.after(article);
      pending.push(article);
      setUpReplyLinks(article);
      if (notice && noticeButton) {
        noticeButton.textContent = (thread.getAttribute("data-text-new-replies") || "{0}").replace("{0}", String(pending.length));
        notice.hidden = false;
      }
    }
  }

  function setUpList() {
    var institution = list.getAttribute("data-institution");
    var cohortId = list.getAttribute("data-cohort-id");
    var promptId = list.getAttribute("data-prompt-id");
    var notice = list.querySelector(".new-reflections-notice");
    watchList = function () { return connection.invoke("WatchPrompt", institution, cohortId, promptId); };
    connection.on("ReflectionPosted", function () {
      if (!notice) { return; }
      notice.textContent = "";
      var link = document.createElement("a");
      link.href = window.location.pathname + window.location.search;
      link.textContent = list.getAttribute("data-text-new-reflections");
      notice.appendChild(link);
      notice.hidden = false;
    });
    connection.on("ThreadActivity", function (message) {
      var card = list.querySelector(".reflection-summary[data-reflection-id='" + message.reflectionId + "'] .reply-count");
      if (card) {
        setReplyCount(card, message.replyCount);
      }
    });
  }

  function toElement(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  // With JavaScript, "Reply" moves the one reply form under the post instead of reloading the page.
  function setUpReplyLinks(root) {
    var form = document.getElementById("reply-form");
    if (!form) { return; }
    (root || document).querySelectorAll(".reply-link").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var article = link.closest("article.post");
        if (!article) { return; }
        event.preventDefault();
        var isReflection = article.classList.contains("reflection");
        form.querySelector(".reply-parent").value = isReflection ? "" : article.getAttribute("data-post-id");
        var who = article.querySelector(".post-author");
        var replyingTo = form.querySelector(".replying-to");
        if (replyingTo && who) { replyingTo.textContent = "→ " + who.textContent; }
        article.after(form);
        form.querySelector("textarea").focus();
      });
    });
  }

  // @mentions: after "@" and a few letters, a list of cohort members to pick from (arrows, Enter, or a click).
  function setUpMentions() {
    document.querySelectorAll("textarea.post-editor[data-members-url]").forEach(function (area) {
      var url = area.getAttribute("data-members-url");
      var box = document.createElement("ul");
      box.className = "mention-list";
      box.setAttribute("role", "listbox");
      box.id = area.id + "-mentions";
      box.hidden = true;
      area.after(box);
      area.setAttribute("aria-controls", box.id);
      area.setAttribute("aria-autocomplete", "list");
      var start = -1;
      var selected = 0;
      var timer = null;

      function close() { box.hidden = true; box.textContent = ""; start = -1; }
      function choose(name) {
        var before = area.value.slice(0, start);
        var after = area.value.slice(area.selectionStart);
        area.value = before + "@" + name + " " + after;
        var caret = before.length + name.length + 2;
        area.setSelectionRange(caret, caret);
        close();
        area.focus();
      }
      function highlight() {
        Array.prototype.forEach.call(box.children, function (li, i) { li.setAttribute("aria-selected", i === selected ? "true" : "false"); });
      }

      area.addEventListener("input", function () {
        var text = area.value.slice(0, area.selectionStart);
        var at = text.lastIndexOf("@");
        var query = at >= 0 ? text.slice(at + 1) : "";
        if (at < 0 || (at > 0 && /[\w]/.test(text.charAt(at - 1))) || query.length < 1 || query.length > 30 || /\n/.test(query)) { close(); return; }
        start = at;
        clearTimeout(timer);
        timer = setTimeout(function () {
          fetch(url + "&q=" + encodeURIComponent(query), { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) { return response.ok ? response.json() : []; })
            .then(function (members) {
              box.textContent = "";
              members.slice(0, 8).forEach(function (member) {
                var li = document.createElement("li");
                li.setAttribute("role", "option");
                li.textContent = member.name;
                li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(member.name); });
                box.appendChild(li);
              });
              selected = 0;
              highlight();
              box.hidden = members.length === 0;
            })
            .catch(close);
        }, 150);
      });
      area.addEventListener("keydown", function (event) {
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
      area.addEventListener("blur", function () { setTimeout(close, 150); });
    });
  }
})();
