// Building the DOM and writing values the way every page shows them: numbers and hashes in
// monospace, long hashes shortened with the full value in data-full and a copy button.
// Text always goes in as text (never as HTML), so nothing a node returns can inject markup.

/** h('a', {href: '#/', class: 'x'}, 'text', child, ...): an element; null/false children are skipped. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let svgNamespace = null;

/** An SVG element. Its namespace is read from the HTML parser, which knows it, rather than spelled out here. */
export function svg(tag, attrs, ...children) {
  if (!svgNamespace) {
    const probe = document.createElement('div');
    probe.innerHTML = '<svg></svg>';
    svgNamespace = probe.firstChild.namespaceURI;
  }
  const el = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

export function shortHash(hex) {
  return hex && hex.length > 20 ? hex.slice(0, 8) + '…' + hex.slice(-8) : hex || '';
}

function copyIcon() {
  return svg('svg', { viewBox: '0 0 16 16', width: 14, height: 14, 'aria-hidden': 'true' },
    svg('rect', { x: 5, y: 5, width: 9, height: 9, rx: 1.5 }),
    svg('path', { d: 'M3 11V3.5A1.5 1.5 0 0 1 4.5 2H11' }));
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain http to a remote node is not a secure context: the old way still works there.
  const area = h('textarea', { class: 'offscreen', readonly: true });
  area.value = text;
  document.body.append(area);
  area.select();
  try {
    document.execCommand('copy');
  } finally {
    area.remove();
  }
}

/** A copy button for {@code text}; it says "copied" for a moment. */
export function copyButton(text, label) {
  const button = h('button', { type: 'button', class: 'copy', title: 'Copy ' + (label || 'to clipboard'),
    'aria-label': 'Copy ' + (label || text), 'data-copy': text }, copyIcon());
  button.addEventListener('click', async (event) => {
    event.preventDefault();
    event.stopPropagation();
    try {
      await copyText(text);
      button.classList.add('copied');
      button.title = 'Copied';
      setTimeout(() => { button.classList.remove('copied'); button.title = 'Copy ' + (label || 'to clipboard'); }, 1500);
    } catch (e) {
      button.title = 'Copying failed: ' + e.message;
    }
  });
  return button;
}

/**
 * A hash or key: shortened text in monospace, the full value in data-full and the title, a copy
 * button, and a link when {@code href} is given. {@code id} goes on the outer element.
 */
export function hashView(hex, { href, id, label, noCopy } = {}) {
  const text = h(href ? 'a' : 'span', { class: 'mono', href, title: hex }, shortHash(hex));
  return h('span', { class: 'hash', id, 'data-full': hex }, text, noCopy ? null : copyButton(hex, label));
}

/** A hash in full, wrapping, for detail tables where there is room. */
export function fullHash(hex, { id, label } = {}) {
  return h('span', { class: 'hash full', id, 'data-full': hex }, h('span', { class: 'mono wrap' }, hex),
    copyButton(hex, label));
}

export function formatNumber(n) {
  return n === null || n === undefined ? '—' : Number(n).toLocaleString('en-US');
}

export function formatTime(millis) {
  const d = new Date(millis);
  const pad = (x) => String(x).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':'
    + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
}

export function timeAgo(millis, now = Date.now()) {
  const s = Math.round((now - millis) / 1000);
  if (s < 2) {
    return 'just now';
  }
  if (s < 60) {
    return s + ' s ago';
  }
  if (s < 3600) {
    return Math.floor(s / 60) + ' min ago';
  }
  if (s < 86400) {
    return Math.floor(s / 3600) + ' h ago';
  }
  return Math.floor(s / 86400) + ' d ago';
}

/** A time element that keeps its "… ago" fresh (app.js refreshes every [data-ago] each few seconds). */
export function ago(millis) {
  return h('time', { 'data-ago': millis, datetime: new Date(millis).toISOString(), title: formatTime(millis) },
    timeAgo(millis));
}

export function refreshAgo(root) {
  const now = Date.now();
  root.querySelectorAll('[data-ago]').forEach((el) => {
    el.textContent = timeAgo(Number(el.getAttribute('data-ago')), now);
  });
}

export function formatSeconds(seconds) {
  if (seconds === null || !isFinite(seconds)) {
    return '—';
  }
  if (seconds < 10) {
    return seconds.toFixed(2) + ' s';
  }
  if (seconds < 120) {
    return seconds.toFixed(1) + ' s';
  }
  return (seconds / 60).toFixed(1) + ' min';
}

/** Hex bytes shown as text too when they are printable ASCII (keys and values of put). */
export function hexAndText(hex) {
  let text = '';
  for (let i = 0; i < hex.length; i += 2) {
    const c = parseInt(hex.substr(i, 2), 16);
    if (c < 0x20 || c > 0x7e) {
      return null;
    }
    text += String.fromCharCode(c);
  }
  return text;
}

/** A definition list row: label and value. */
export function field(label, ...value) {
  return [h('dt', null, label), h('dd', null, ...value)];
}

export function badge(text, kind) {
  return h('span', { class: 'badge ' + (kind || text) }, text);
}
