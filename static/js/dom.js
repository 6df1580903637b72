// Building DOM nodes without innerHTML: every piece of text becomes a text node.

/**
 * h('button', {class: 'x', onclick: fn, disabled: true}, 'text', child)
 * Attribute values are set with setAttribute / properties, children strings become text nodes.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'checked' || name === 'value' || name === 'srcdoc' || name === 'indeterminate') {
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replace all children of el (by id or element) with the given nodes. */
export function fill(target, ...children) {
  const el = typeof target === 'string' ? document.getElementById(target) : target;
  el.replaceChildren();
  append(el, children);
  return el;
}

export const $ = (id) => document.getElementById(id);

/** Only http(s) URLs become links or image sources. */
export function safeUrl(value) {
  try {
    const u = new URL(String(value), location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
