// Small DOM and formatting helpers. Event data is untrusted: it only ever reaches the page as text
// (textContent and attribute values), never as markup.

export const MISSING = '–';

/** Creates an element with attributes and children; strings become text nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  node.append(...children.map(child => (child instanceof Node ? child : String(child))));
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

export function setText(id, text) {
  byId(id).textContent = text;
}

/** A finite number or null: fields of events may be missing or of the wrong type. */
export function number(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The number with the given decimals and unit, or "–" when it is missing. */
export function format(value, decimals = 1, unit = '') {
  const n = number(value);
  return n === null ? MISSING : n.toFixed(decimals) + unit;
}

export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** "12 s ago", "3 min ago", "2 h ago" from an ISO-8601 time; "–" when it does not parse. */
export function since(iso, now = Date.now()) {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) {
    return MISSING;
  }
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) {
    return `${seconds} s ago`;
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min ago`;
  }
  return `${Math.floor(seconds / 3600)} h ago`;
}
