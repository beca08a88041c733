// The circuit diagram: SVG drawn from the report's operations and their layers (moments). Qubit
// wires run left to right, classical registers below as double lines. Operations of one layer
// whose vertical extents would overlap get separate sub-columns, as in Qiskit's drawer.
//
// Virtualised: every operation is placed (a column each, cheap), but only the columns in view, and
// a screen's width either side, are in the DOM; scrolling swaps them. The register names stay at
// the left edge, and an overview strip above shows the whole circuit with the part in view marked;
// a click or drag there scrolls the diagram to it.
import { drawOverview } from './overview.mjs';
import { el } from './svg.mjs';

const COL = 56, ROW = 44, LEFT = 64, TOP = 24, BOX = 34;
// Beyond this a drawing says nothing a person can read (counts are in Metrics): the page asks the
// worker for this many operations (maxOperations), not the 10^5 of a big circuit.
export const MAX_OPS = 5000;
// The core's gate table (the package's `gates`), by Qiskit name: how many of an operation's
// qubits are controls and what its box says. Set once the validator is loaded.
let gateByName = new Map();
export function setGates(gates) {
  gateByName = new Map();
  for (const g of gates) if (!gateByName.has(g.qiskit_name)) gateByName.set(g.qiskit_name, g);
}

// The table row of an operation, or undefined for a program's own gate: a program may call its
// own gate `mcx` or `ecr` (OpenQASM 2 reserves neither), and that one is drawn as a box.
let customNames = new Set();
function rowOf(op) {
  return customNames.has(op.name) ? undefined : gateByName.get(op.name);
}

function controlsOf(op) {
  const g = rowOf(op);
  return g?.controlled ? op.qubits.length - g.target_qubits : 0;
}

function fmtParam(p) {
  if (typeof p === 'string') return p;  // a Parameter expression of Qiskit code
  const r = p / Math.PI;
  for (const d of [1, 2, 3, 4, 6, 8]) {
    const n = r * d;
    if (Math.abs(n - Math.round(n)) < 1e-9 && Math.round(n) !== 0) {
      const k = Math.round(n);
      const num = k === 1 ? 'π' : k === -1 ? '-π' : `${k}π`;
      return d === 1 ? num : `${num}/${d}`;
    }
  }
  return Number(p.toFixed(3)).toString();
}

function label(op, name = op.name) {
  return op.params.length ? `${name}(${op.params.map(fmtParam).join(',')})` : name;
}

// Each operation's column, and the rows it spans: program order, a new column group at each new
// layer, sub-columns within it where rows would overlap.
function layout(ops, nq, cregs) {
  const clbitRow = [];  // clbit -> row of its register's wire
  cregs.forEach((r, i) => { for (let b = 0; b < r.size; b++) clbitRow.push(nq + i); });
  const placed = [];
  let x = 0;
  let layer = -1;
  let used = [];  // per sub-column of the current layer: list of [lo, hi]
  for (const op of ops) {
    const extra = op.clbits.map((c) => clbitRow[c]);
    if (op.condition) extra.push(nq + cregs.findIndex((r) => r.name === op.condition.creg));
    let lo = Infinity, hi = -Infinity;
    for (const r of op.qubits) { lo = Math.min(lo, r); hi = Math.max(hi, r); }
    for (const r of extra) { lo = Math.min(lo, r); hi = Math.max(hi, r); }
    if (op.layer !== layer) {
      x += used.length;
      used = [];
      layer = op.layer;
    }
    let sub = used.findIndex((spans) => spans.every(([a, b]) => hi < a || lo > b));
    if (sub < 0) { sub = used.length; used.push([]); }
    used[sub].push([lo, hi]);
    placed.push({ op, col: x + sub, lo, hi });
  }
  return { placed, cols: x + used.length, clbitRow };
}

const y = (row) => TOP + row * ROW + ROW / 2;
const cx = (col) => col * COL + COL / 2;  // in the circuit's own SVG, which starts after the labels

// One operation's drawing, in a <g> of its own (its title says what and where).
function drawOp({ op, col, lo }, ctx) {
  const { names, nq, cregs, clbitRow, flagged, customs } = ctx;
  const g = el('g', { class: `op op-${op.name}${flagged.has(`${op.line}:${op.column}`) ? ' flagged' : ''}` });
  g.append(el('title', {}, `${label(op)} on ${op.qubits.map((q) => names[q]).join(', ')} (line ${op.line})`));
  const box = (row, text, cls = 'gate') => {
    const w = Math.max(BOX, 8 + text.length * 6.5);
    g.append(el('rect', { x: cx(col) - w / 2, y: y(row) - BOX / 2, width: w, height: BOX, rx: 4, class: cls }));
    g.append(el('text', { x: cx(col), y: y(row) + 4, class: 'gate-label', 'text-anchor': 'middle' }, text));
  };
  const dot = (row) => g.append(el('circle', { cx: cx(col), cy: y(row), r: 5, class: 'control' }));
  const vline = (r0, r1, cls = 'link') => g.append(el('line', { x1: cx(col), y1: y(r0), x2: cx(col), y2: y(r1), class: cls }));
  const q = op.qubits;
  const nctl = controlsOf(op);
  if (op.name === 'barrier') {
    g.append(el('line', { x1: cx(col) - COL / 2 + 4, y1: y(Math.min(...q)) - ROW / 2 + 4, x2: cx(col) - COL / 2 + 4, y2: y(Math.max(...q)) + ROW / 2 - 4, class: 'barrier' }));
  } else if (op.name === 'measure') {
    const crow = clbitRow[op.clbits[0]];
    vline(q[0], crow, 'mlink');
    box(q[0], 'M', 'measure');
    g.append(el('text', { x: cx(col) + 6, y: y(crow) + 14, class: 'bit-label' }, String(op.clbits[0] - clbitRow.indexOf(crow))));
  } else if (op.name === 'reset') {
    box(q[0], '|0⟩', 'gate');
  } else if (rowOf(op)?.kernel === 'swap') {
    vline(lo, Math.max(...q));
    q.slice(0, nctl).forEach(dot);
    for (const t of q.slice(nctl)) g.append(el('path', { d: `M${cx(col) - 7},${y(t) - 7} l14,14 m0,-14 l-14,14`, class: 'swap' }));
  } else if (nctl > 0) {
    const target = q[q.length - 1];
    vline(Math.min(...q), Math.max(...q));
    q.slice(0, nctl).forEach(dot);
    const t = rowOf(op).label;
    if (t === 'x') {
      g.append(el('circle', { cx: cx(col), cy: y(target), r: 11, class: 'target' }));
      g.append(el('path', { d: `M${cx(col) - 11},${y(target)} h22 M${cx(col)},${y(target) - 11} v22`, class: 'target-cross' }));
    } else if (t === 'z') {  // a controlled Z is symmetric: dots on every qubit, as Qiskit draws it
      dot(target);
    } else {
      box(target, label(op, t));
    }
  } else if (q.length === 1) {
    box(q[0], label(op));
  } else {
    // Multi-qubit gates without a control structure (rxx, rzz, rccx, custom gates): one box.
    const top = y(Math.min(...q)) - BOX / 2, bottom = y(Math.max(...q)) + BOX / 2;
    const text = label(op);
    const w = Math.max(BOX + 8, 8 + text.length * 6.5);
    g.append(el('rect', { x: cx(col) - w / 2, y: top, width: w, height: bottom - top, rx: 4, class: customs.has(op.name) ? 'gate custom' : 'gate' }));
    g.append(el('text', { x: cx(col), y: (top + bottom) / 2 + 4, class: 'gate-label', 'text-anchor': 'middle' }, text));
    q.forEach((r, i) => g.append(el('text', { x: cx(col) - w / 2 + 3, y: y(r) + 4, class: 'arg-label' }, String(i))));
  }
  if (op.condition) {
    const row = nq + cregs.findIndex((r) => r.name === op.condition.creg);
    vline(Math.max(...q), row, 'clink');
    g.append(el('circle', { cx: cx(col), cy: y(row), r: 4, class: 'ccontrol' }));
    g.append(el('text', { x: cx(col) + 6, y: y(row) - 6, class: 'bit-label' }, `=${op.condition.value}`));
  }
  return g;
}

// The first index of `placed` (sorted by column) at or after column `col`.
function firstAt(placed, col) {
  let lo = 0, hi = placed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (placed[mid].col < col) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// What the scroll handler needs of the drawing shown, per diagram element.
const views = new WeakMap();

// Puts the operations of the columns in view (and a screen either side) into the DOM, if that
// window changed; then marks the view on the overview.
function showWindow(container) {
  const v = views.get(container);
  if (!v) return;
  const left = Math.max(0, container.scrollLeft - LEFT), width = container.clientWidth || 1200;
  const from = Math.max(0, Math.floor((left - width) / COL)), to = Math.ceil((left + 2 * width) / COL);
  if (from !== v.from || to !== v.to) {
    v.from = from;
    v.to = to;
    const nodes = [];
    for (let i = firstAt(v.placed, from); i < v.placed.length && v.placed[i].col < to; ++i) nodes.push(drawOp(v.placed[i], v.ctx));
    v.ops.replaceChildren(...nodes);
  }
  if (v.overview) v.overview.view(left / (v.cols * COL), width / (v.cols * COL));
}

export function drawCircuit(container, report, { overview } = {}) {
  container.replaceChildren();
  views.delete(container);
  if (overview) overview.hidden = true;
  if (!report?.valid) {
    container.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: 'Fix the errors to see the circuit.' }));
    return;
  }
  customNames = new Set((report.custom_gates ?? []).map((g) => g.name));
  const ops = (report.operations ?? []).slice(0, MAX_OPS);
  const nq = report.qubits;
  const cregs = report.registers.cregs;
  const rows = nq + cregs.length;
  const { placed, cols, clbitRow } = layout(ops, nq, cregs);
  const width = Math.max(cols, 1) * COL + 24;
  const height = TOP + rows * ROW + 8;

  const names = [];
  for (const r of report.registers.qregs) for (let i = 0; i < r.size; i++) names.push(`${r.name}[${i}]`);
  // The register names, kept at the left edge while the circuit scrolls (CSS: position sticky).
  const labels = el('svg', { width: LEFT, height, class: 'wire-labels', 'aria-hidden': 'true' });
  names.forEach((n, i) => labels.append(el('text', { x: 4, y: y(i) + 4, class: 'wire-label' }, n)));
  cregs.forEach((r, i) => labels.append(el('text', { x: 4, y: y(nq + i) + 4, class: 'wire-label' }, `${r.name}[${r.size}]`)));

  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Circuit of ${nq} qubits and ${ops.length} operations` });
  names.forEach((_, i) => svg.append(el('line', { x1: 0, y1: y(i), x2: width - 8, y2: y(i), class: 'wire' })));
  cregs.forEach((_, i) => {
    const row = nq + i;
    svg.append(el('line', { x1: 0, y1: y(row) - 2, x2: width - 8, y2: y(row) - 2, class: 'cwire' }));
    svg.append(el('line', { x1: 0, y1: y(row) + 2, x2: width - 8, y2: y(row) + 2, class: 'cwire' }));
  });
  const group = el('g', { class: 'ops' });
  svg.append(group);
  const scroller = Object.assign(document.createElement('div'), { className: 'diagram-track' });
  scroller.append(labels, svg);
  container.append(scroller);

  // Operations a backend finding points at (same line and column) are drawn flagged.
  const flagged = new Set((report.diagnostics ?? []).filter((d) => /^W70[234]$/.test(d.code)).map((d) => `${d.line}:${d.column}`));
  const customs = new Set((report.custom_gates ?? []).map((c) => c.name));
  const v = { placed, cols: Math.max(cols, 1), ops: group, ctx: { names, nq, cregs, clbitRow, flagged, customs }, from: -1, to: -1, overview: null };
  views.set(container, v);
  // The overview, when the circuit is wider than the view.
  if (overview && cols * COL > (container.clientWidth || 0)) {
    overview.hidden = false;
    v.overview = drawOverview(overview, placed, { cols, rows }, (fraction) => {
      container.scrollLeft = fraction * cols * COL - container.clientWidth / 2 + LEFT;
    });
  }
  if (!container.dataset.virtual) {
    container.dataset.virtual = '1';
    let pending = false;
    container.addEventListener('scroll', () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; showWindow(container); });
    }, { passive: true });
  }
  showWindow(container);
  const total = report.operations_truncated ? report.gates : report.operations?.length ?? 0;
  if (total > MAX_OPS) {
    container.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: `Showing the first ${MAX_OPS} of ${total} operations.` }));
  }
}
