// The life of one page view: what it subscribed to and which timers it runs end when the reader
// navigates away, and results that arrive after that are dropped (scope.active turns false).

import { live } from './api.js';
import { h } from './format.js';

export class Scope {
  constructor(el) {
    this.el = el;
    this.active = true;
    this.cleanups = [];
  }

  onCleanup(fn) {
    this.cleanups.push(fn);
  }

  every(ms, fn) {
    const timer = setInterval(() => { if (this.active) fn(); }, ms);
    this.onCleanup(() => clearInterval(timer));
  }

  after(ms, fn) {
    const timer = setTimeout(() => { if (this.active) fn(); }, ms);
    this.onCleanup(() => clearTimeout(timer));
  }

  /** A WebSocket subscription for as long as this page is shown. */
  subscribe(params, handler, onError) {
    const end = live.subscribe(params, (event) => { if (this.active) handler(event); }, onError);
    this.onCleanup(end);
    return end;
  }

  /** Calls fn when the socket opens again after closing while this page was shown: time to catch up. */
  onReconnect(fn) {
    let closed = false;
    this.onCleanup(live.onState((state) => {
      if (state === 'closed') {
        closed = true;
      } else if (closed && this.active) {
        closed = false;
        fn();
      }
    }));
  }

  end() {
    this.active = false;
    this.cleanups.splice(0).forEach((fn) => fn());
  }

  /** Replaces the page's content and marks it loaded. */
  show(...children) {
    if (!this.active) {
      return;
    }
    this.el.replaceChildren(...children.flat());
    this.loaded();
  }

  loaded() {
    if (this.active) {
      this.el.removeAttribute('data-loading');
    }
  }

  kind(kind) {
    if (this.active) {
      this.el.setAttribute('data-page', kind);
    }
  }

  title(text) {
    if (this.active) {
      document.title = text + ' · Cairn explorer';
    }
  }

  /** The not-found view: data-page="not-found" and a #not-found notice saying what was not found. */
  notFound(what, hint) {
    this.kind('not-found');
    this.title('Not found');
    this.show(notFoundView(what, hint));
  }
}

export function notFoundView(what, hint) {
  return h('section', { id: 'not-found', class: 'card notice' },
    h('h1', null, 'Not found'),
    h('p', null, ...[what].flat(), ' was not found on this node.'),
    hint ? h('p', { class: 'muted' }, hint) : null,
    h('p', null, h('a', { href: '#/' }, '← Back to the dashboard')));
}

/** A card with a heading and content. */
export function card(title, attrs, ...content) {
  return h('section', { class: 'card', ...attrs }, title ? h('h2', null, title) : null, ...content);
}

/** A labelled statistic for the dashboard's top row. */
export function stat(label, id, value, note) {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, label),
    h('div', { class: 'stat-value mono', id }, value), note ? h('div', { class: 'stat-note muted' }, note) : null);
}

/** The placeholder shown next to an empty list (outside it, so the list holds only real rows). */
export function emptyNote(text) {
  return h('p', { class: 'empty muted' }, text);
}
