// A small line chart drawn as SVG by hand (no library): a time series with gaps, y from 0 to a
// round maximum, three grid lines, the time axis in minutes before now.

import { svg } from './format.js';

const MARGIN = { left: 40, right: 10, top: 10, bottom: 22 };

/** The smallest 1, 2 or 5 times a power of ten that is at least {@code value} (and at least 1). */
export function niceCeiling(value) {
  if (!(value > 1)) {
    return 1;
  }
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) {
      return step * power;
    }
  }
  return 10 * power;
}

function label(value) {
  return value >= 1000 ? (value / 1000).toLocaleString('en-US') + 'k' : value.toLocaleString('en-US');
}

/**
 * Draws {@code points} ([{t, v}], v null where there is no data) into the <svg> element {@code el},
 * for times from {@code from} to {@code to} (milliseconds). Redraws from scratch each call.
 */
export function drawLineChart(el, points, { from, to, title }) {
  const width = Math.max(el.clientWidth || 0, 240);
  const height = Math.max(el.clientHeight || 0, 120);
  el.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  el.replaceChildren();
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const known = points.filter((p) => p.v !== null);
  const max = niceCeiling(Math.max(0, ...known.map((p) => p.v)));
  const x = (t) => MARGIN.left + ((t - from) / (to - from)) * plotW;
  const y = (v) => MARGIN.top + plotH - (v / max) * plotH;

  el.append(svg('title', null, title));
  for (const fraction of [0, 0.5, 1]) {
    const value = max * fraction;
    el.append(svg('line', { class: 'grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: y(value), y2: y(value) }));
    el.append(svg('text', { class: 'axis', x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end' },
      label(Math.round(value * 10) / 10)));
  }
  const minutes = Math.round((to - from) / 60000);
  for (let m = minutes; m >= 0; m--) {
    const at = x(to - m * 60000);
    el.append(svg('line', { class: 'tick', x1: at, x2: at, y1: MARGIN.top + plotH, y2: MARGIN.top + plotH + 4 }));
    const roomy = plotW / Math.max(minutes, 1) >= 72;
    if (m === minutes || m === 0 || roomy) {
      el.append(svg('text', { class: 'axis', x: at, y: height - 4,
        'text-anchor': m === minutes ? 'start' : m === 0 ? 'end' : 'middle' }, m === 0 ? 'now' : '−' + m + ' min'));
    }
  }
  // One path per run of known points, so a gap in the data stays a gap in the line.
  const runs = [];
  let run = [];
  for (const p of points) {
    if (p.v === null) {
      if (run.length) {
        runs.push(run);
      }
      run = [];
    } else {
      run.push(p);
    }
  }
  if (run.length) {
    runs.push(run);
  }
  for (const r of runs) {
    const line = r.map((p, i) => (i ? 'L' : 'M') + x(p.t).toFixed(1) + ' ' + y(p.v).toFixed(1)).join(' ');
    const area = line + ' L' + x(r[r.length - 1].t).toFixed(1) + ' ' + y(0) + ' L' + x(r[0].t).toFixed(1) + ' ' + y(0) + ' Z';
    el.append(svg('path', { class: 'area', d: area }));
    el.append(svg('path', { class: 'line', d: line }));
  }
  if (known.length) {
    const last = known[known.length - 1];
    el.append(svg('circle', { class: 'dot', cx: x(last.t), cy: y(last.v), r: 3 }));
  }
}
