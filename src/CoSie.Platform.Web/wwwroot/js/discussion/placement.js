// Puts a reply where it stands in tree order among the replies shown: paths are fixed-width digit segments, so
// they compare as strings.
export function place(thread, article) {
  const path = article.getAttribute("data-path") || "";
  const shown = thread.querySelectorAll("article.post.reply");
  for (const reply of shown) {
    if ((reply.getAttribute("data-path") || "") > path) {
      reply.before(article);
      return;
    }
  }
  (shown.length ? shown[shown.length - 1] : thread.querySelector("article.post.reflection")).after(article);
}

// With JavaScript, "Reply" moves the one reply form under the post instead of reloading the page.
export function setUpReplyLinks(root) {
  const form = document.getElementById("reply-form");
  if (!form) { return; }
  (root || document).querySelectorAll(".reply-link").forEach((link) => {
    link.addEventListener("click", (event) => {
      const article = link.closest("article.post");
      if (!article) { return; }
      event.preventDefault();
      const isReflection = article.classList.contains("reflection");
      form.querySelector(".reply-parent").value = isReflection ? "" : article.getAttribute("data-post-id");
      const who = article.querySelector(".post-author");
      const replyingTo = form.querySelector(".replying-to");
      if (replyingTo && who) { replyingTo.textContent = "→ " + who.textContent; }
      article.after(form);
      form.querySelector("textarea").focus();
    });
  });
}
