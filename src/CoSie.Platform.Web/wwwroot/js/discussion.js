// Live discussions on top of pages that work without JavaScript: new replies, edits, deletions and "helpful"
// counts arrive in place; a reconnect catches up from the last event sequence seen; @mentions autocomplete.
// A thread page shows one page of replies: "Show more" appends the next page in place, and a link to a post on
// another page follows to the page that holds it. Every post's HTML comes from the server, rendered by the same
// code as the page and sanitized there.
(function () {
  "use strict";

  // The page renders "1 reply" and "{0} replies" (localized) as data attributes, so counts stay grammatical live.
  function setReplyCount(element, count) {
    element.setAttribute("data-reply-count", String(count));
    var one = element.getAttribute("data-one");
    var many = element.getAttribute("data-many");
    element.textContent = count === 1 && one ? one : (many || "{0}").replace("{0}", String(count));
  }
  var thread = document.getElementById("thread");
  var more = thread ? setUpPaging() : null;
  if (thread && !more) { return; }
  if (!window.signalR) { setUpMentions(); setUpReplyLinks(); return; }

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

    // While a join is on its way, the server may already push events newer than the ones the join's answer brings
    // (it joins the group first, then reads what was missed). Those pushes wait here and are applied after the missed
    // ones, in sequence order, so that none is skipped as already seen and none is applied twice.
    var early = null;

    joinThread = function () {
      early = early || [];
      return connection.invoke("JoinThread", institution, reflectionId, lastSequence).then(function (result) {
        if (!result.joined) { early = null; accessEnded(); return; }
        if (result.reload) { early = null; say(thread.getAttribute("data-text-session-ended")); return; }
        result.missed.forEach(apply);
        release();
      }, function (error) {
        // A join cut off (the connection dropped again) brought none of what was missed: applying the held pushes
        // would leave a gap behind them for good. The join after the reconnect brings them all.
        early = null;
        throw error;
      });
    };

    function release() {
      var waiting = early || [];
      early = null;
      waiting.sort(function (a, b) { return a.sequence - b.sequence; }).forEach(apply);
    }

    function receive(message) {
      if (early) { early.push(message); } else { apply(message); }
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
      // Moderation: a lock closes the reply form, an unlock opens it, whether pushed or caught up after a rejoin.
      if (message.kind === "ThreadLocked" || message.kind === "ThreadUnlocked") {
        var form = document.getElementById("reply-form");
        if (form) { form.hidden = message.kind === "ThreadLocked"; }
      }
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
      // Only a post new to this page is placed: one on a page not loaded stays there.
      if (message.kind !== "ReplyPosted" && message.kind !== "PostApproved") { return; }
      var path = message.path || "";
      var shown = thread.querySelectorAll("article.post.reply");
      if (shown.length && path < (shown[0].getAttribute("data-path") || "")) { return; }
      if (more.remaining() > 0 && (!shown.length || path > (shown[shown.length - 1].getAttribute("data-path") || ""))) {
        // It belongs after what is loaded: "Show more" will bring it.
        more.grow();
        return;
      }
      // New replies wait behind the notice, so the page does not move under the reader.
      article.hidden = true;
      place(article);
      pending.push(article);
      setUpReplyLinks(article);
      if (notice && noticeButton) {
        noticeButton.textContent = (thread.getAttribute("data-text-new-replies") || "{0}").replace("{0}", String(pending.length));
        notice.hidden = false;
      }
    }
  }

  // Returns null when it leaves for the page that holds a linked post.
  function setUpPaging() {
    var hash = window.location.hash;
    if (hash.indexOf("#post-") === 0 && !document.getElementById(hash.slice(1))) {
      var wanted = hash.slice("#post-".length);
      if (/^[0-9a-f-]{36}$/i.test(wanted) && new URLSearchParams(window.location.search).get("post") !== wanted) {
        window.location.replace(window.location.pathname + "?post=" + wanted + hash);
        return null;
      }
    }
    var link = document.querySelector(".show-more");
    var announce = document.querySelector(".more-status");
    var remaining = link ? parseInt(link.getAttribute("data-remaining"), 10) || 0 : 0;

    function show() {
      if (!link) { return; }
      link.textContent = (link.getAttribute("data-text-more") || "{0}").replace("{0}", String(remaining));
      link.setAttribute("data-remaining", String(remaining));
      link.closest("nav").hidden = remaining <= 0;
    }

    if (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        if (link.getAttribute("aria-busy") === "true") { return; }
        var page = parseInt(link.getAttribute("data-next-page"), 10);
        link.setAttribute("aria-busy", "true");
        var since = link.getAttribute("data-since") || "";
        fetch(window.location.pathname + "?handler=Page&page=" + page + since, { credentials: "same-origin", headers: { Accept: "text/html" } })
          .then(function (response) {
            if (!response.ok) { throw new Error("HTTP " + response.status); }
            var left = parseInt(response.headers.get("X-Replies-Remaining"), 10);
            return response.text().then(function (html) { return { html: html, left: left }; });
          })
          .then(function (result) {
            var template = document.createElement("template");
            template.innerHTML = result.html;
            var added = [];
            Array.prototype.slice.call(template.content.querySelectorAll("article.post")).forEach(function (article) {
              // Already here: arrived live, or the pages moved by a reply posted above.
              if (document.getElementById(article.id)) { return; }
              place(article);
              added.push(article);
            });
            added.forEach(function (article) { setUpReplyLinks(article); });
            remaining = isNaN(result.left) ? Math.max(0, remaining - added.length) : result.left;
            link.setAttribute("data-next-page", String(page + 1));
            link.href = "?page=" + (page + 1) + since;
            show();
            if (announce) { announce.textContent = (link.getAttribute("data-text-loaded") || "{0}").replace("{0}", String(added.length)); }
            // Keyboard focus moves to the first reply shown, where reading goes on (the button may be gone).
            if (added[0]) {
              added[0].setAttribute("tabindex", "-1");
              added[0].focus();
            }
          })
          .catch(function () {
            if (announce) { announce.textContent = link.getAttribute("data-text-failed") || ""; }
          })
          .then(function () { link.removeAttribute("aria-busy"); });
      });
    }
    return {
      remaining: function () { return remaining; },
      grow: function () { remaining += 1; show(); },
    };
  }

  // Puts a reply where it stands in tree order among the replies shown: paths are fixed-width digit segments, so
  // they compare as strings.
  function place(article) {
    var path = article.getAttribute("data-path") || "";
    var shown = thread.querySelectorAll("article.post.reply");
    for (var i = 0; i < shown.length; i++) {
      if ((shown[i].getAttribute("data-path") || "") > path) {
        shown[i].before(article);
        return;
      }
    }
    (shown.length ? shown[shown.length - 1] : thread.querySelector("article.post.reflection")).after(article);
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
