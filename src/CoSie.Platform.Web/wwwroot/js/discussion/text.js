// Texts the page renders localized in data attributes, with "{0}" where a number goes.
export function fill(template, value) {
  return (template || "{0}").replace("{0}", String(value));
}

// "1 reply" and "{0} replies" come as data-one and data-many, so counts stay grammatical live.
export function setReplyCount(element, count) {
  element.setAttribute("data-reply-count", String(count));
  const one = element.getAttribute("data-one");
  element.textContent = count === 1 && one ? one : fill(element.getAttribute("data-many"), count);
}

export function toElement(html) {
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  return template.content.firstElementChild;
}
