// The dashboard's consensus side: the current view and primary, each validator's state as this
// node sees it (online / behind / down), and the view changes seen since the page opened.

import { h, badge, shortHash, formatTime } from '../format.js';
import { card, emptyNote, stat } from '../page.js';

const MAX_VIEW_CHANGES = 50;

export class ConsensusPanel {
  constructor(validators, status) {
    this.validators = validators;
    this.self = status.validatorIndex;
    // Consensus works on the height after the head; events name that height.
    this.last = { height: status.height + 1, view: status.view, primary: status.primary, changingView: false };
    this.changes = [];
    this.el = {
      view: h('span', { id: 'view' }, String(status.view)),
      viewNote: h('span', null, 'deciding height ' + (status.height + 1)),
      primary: h('span', { id: 'primary' }, String(status.primary)),
      primaryNote: h('span', null, this.name(status.primary)),
      validators: h('ul', { id: 'validators', class: 'rows validators' }),
      changes: h('ol', { id: 'view-changes', class: 'rows changes', reversed: true }),
      changesEmpty: emptyNote('No view change since this page opened: every height was decided in its first view.'),
    };
  }

  stats() {
    return [stat('View', null, this.el.view, this.el.viewNote), stat('Primary', null, this.el.primary, this.el.primaryNote)];
  }

  validatorsCard() {
    return card('Validators', null, h('p', { class: 'muted small' }, 'As node ', this.name(this.self), ' sees them.'),
      this.el.validators);
  }

  viewChangesCard() {
    return card('View changes', null, this.el.changes, this.el.changesEmpty);
  }

  name(index) {
    const v = this.validators[index];
    return v ? v.name : 'validator ' + index;
  }

  /** From a poll: node_status and net_peers. blocksPerSecond sets how far behind still counts as keeping up. */
  update(status, peers, blocksPerSecond) {
    if (status.height + 1 > this.last.height || (status.height + 1 === this.last.height && status.view > this.last.view)) {
      this.onEvent({ height: status.height + 1, view: status.view, primary: status.primary, changingView: false });
    }
    // Peers announce their height about once a second: under load a healthy one trails by a few blocks.
    const slack = Math.max(2, Math.ceil(blocksPerSecond * 3));
    const byIndex = new Map(peers.map((p) => [p.validator, p]));
    const rows = this.validators.map((v) => {
      let state;
      let seen;
      if (v.index === this.self) {
        state = status.syncing ? 'behind' : 'online';
        seen = status.height;
      } else {
        const peer = byIndex.get(v.index);
        seen = peer ? peer.lastSeenHeight : null;
        state = !peer || !peer.connected ? 'down' : status.height - peer.lastSeenHeight > slack ? 'behind' : 'online';
      }
      return h('li', { 'data-index': v.index, 'data-state': state, class: 'validator' },
        h('span', { class: 'cell-index mono strong' }, '#' + v.index),
        h('span', { class: 'cell-grow name' }, v.name,
          v.index === this.self ? badge('this node', 'self') : null,
          v.index === this.last.primary ? badge('primary', 'primary') : null),
        h('span', { class: 'cell-hash mono muted hide-narrow', title: v.publicKey }, shortHash(v.publicKey)),
        h('span', { class: 'cell-count mono muted', title: 'the highest height it announced' }, seen === null ? '—' : 'h ' + seen),
        h('span', { class: 'cell-state' }, h('span', { class: 'state ' + state }, state)));
    });
    this.el.validators.replaceChildren(...rows);
  }

  /**
   * A consensus notification: {height, view, primary, changingView}. While changingView is true the
   * node names the view it is changing to (and that view's primary), as consensus's ViewChanging sets it.
   */
  onEvent(event) {
    const last = this.last;
    const sameHeight = event.height === last.height;
    if (event.changingView) {
      if (!(last.changingView && sameHeight && last.view === event.view)) {
        this.record(event, 'height ' + event.height + ': view change started, towards view ' + event.view
          + ' (' + this.name(event.primary) + ' to lead)');
      }
    } else if (sameHeight ? event.view > last.view || (last.changingView && event.view === last.view)
      : event.height > last.height && event.view > 0) {
      this.record(event, 'height ' + event.height + ': now in view ' + event.view + ', ' + this.name(event.primary)
        + ' is primary');
    }
    this.last = event;
    this.el.view.textContent = String(event.view);
    this.el.viewNote.textContent = (event.changingView ? 'changing view at height ' : 'deciding height ') + event.height;
    this.el.primary.textContent = String(event.primary);
    this.el.primaryNote.textContent = this.name(event.primary);
    this.el.validators.querySelectorAll('.badge.primary').forEach((b) => b.remove());
    const row = this.el.validators.querySelector('[data-index="' + event.primary + '"] .name');
    if (row) {
      row.append(badge('primary', 'primary'));
    }
  }

  record(event, text) {
    const now = Date.now();
    this.changes.unshift(h('li', { 'data-height': event.height, 'data-view': event.view, class: event.changingView ? 'starting' : 'entered' },
      h('time', { class: 'mono muted', datetime: new Date(now).toISOString() }, formatTime(now).slice(11)),
      h('span', null, text)));
    this.changes.length = Math.min(this.changes.length, MAX_VIEW_CHANGES);
    this.el.changes.replaceChildren(...this.changes);
    this.el.changesEmpty.hidden = true;
  }
}
