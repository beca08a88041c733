// An SVG bar chart of counts (or probabilities), largest first, at most 32 bars.
import { el } from './svg.mjs';

export function drawHistogram(container, entries, { total, unit }) {
  container.replaceChildren();
  if (!entries.length) return;
  const rows = [...entries].sort((a, b) => b[1] - a[1]).slice(0, 32);
  const max = rows[0][1];
  const barW = 28, gap = 8, h = 160, labelH = Math.max(...rows.map(([k]) => k.length)) * 7 + 12;
  const width = rows.length * (barW + gap) + gap, height = h + labelH + 20;
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Histogram of ${unit}` });
  rows.forEach(([key, v], i) => {
    const x = gap + i * (barW + gap);
    const bh = max > 0 ? (v / max) * h : 0;
    const share = total ? v / total : v;
    const g = el('g', { class: 'bar' });
    g.append(el('title', {}, `${key}: ${unit === 'counts' ? v : v.toFixed(4)} (${(share * 100).toFixed(1)}%)`));
    g.append(el('rect', { x, y: 14 + h - bh, width: barW, height: bh, class: 'bar-rect' }));
    g.append(el('text', { x: x + barW / 2, y: 10 + h - bh, 'text-anchor': 'middle', class: 'bar-value' }, `${Math.round(share * 100)}%`));
    g.append(el('text', { x: x + barW / 2, y: h + 20, transform: `rotate(90 ${x + barW / 2} ${h + 20})`, class: 'bar-key' }, key));
    svg.append(g);
  });
  container.append(svg);
}
