// Counts in the page's language. The page renders each plural form of a text as JSON in a data attribute
// ({"one":"# reply","other":"# replies"}, Polish with "few" and "many" too), and the browser's CLDR plural rules
// pick the form for a number, as the server's do; "#" is the number in the reader's formats.
export function plural(forms, count) {
  let parsed = {};
  try { parsed = JSON.parse(forms || "{}"); } catch { parsed = {}; }
  const category = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
  const text = parsed["=" + count] ?? parsed[category] ?? parsed.other ?? "#";
  return text.replaceAll("#", new Intl.NumberFormat(formats()).format(count));
}

export function setReplyCount(element, count) {
  element.setAttribute("data-reply-count", String(count));
  element.textContent = plural(element.getAttribute("data-text-replies"), count);
}

// Live posts come with their times in UTC (one push serves readers in many time zones); they are shown in the
// reader's zone and formats, which the page names on its body.
export function localizeTimes(root) {
  const zone = document.body.getAttribute("data-time-zone") || undefined;
  let format;
  try {
    format = new Intl.DateTimeFormat(formats(), { dateStyle: "short", timeStyle: "short", timeZone: zone });
  } catch {
    format = new Intl.DateTimeFormat(formats(), { dateStyle: "short", timeStyle: "short" });
  }
  root.querySelectorAll("time[datetime]").forEach((time) => {
    const instant = new Date(time.getAttribute("datetime"));
    if (!Number.isNaN(instant.getTime())) { time.textContent = format.format(instant); }
  });
}

function formats() {
  return document.body.getAttribute("data-formats") || document.documentElement.lang || "en";
}

export function toElement(html) {
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  return template.content.firstElementChild;
}
