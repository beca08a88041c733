// The diagram's overview: the whole circuit in one strip (a canvas, a mark per operation over the
// rows it spans), with the part the diagram shows outlined. A click or drag on it picks a point of
// the circuit, given back as a fraction of its width; the diagram scrolls there. A canvas, not
// SVG: 10^4 marks drawn once cost a few milliseconds and add nothing to the DOM.

const HEIGHT = 48;  // CSS pixels
const states = new WeakMap();  // canvas -> what the listeners and view() need

function colour(canvas, name, fallback) {
  return getComputedStyle(canvas).getPropertyValue(name).trim() || fallback;
}

// The marks, drawn once per circuit into an off-screen canvas that view() copies.
function drawMarks(canvas, placed, { cols, rows }) {
  const ratio = window.devicePixelRatio || 1;
  const cssWidth = canvas.clientWidth || canvas.parentElement?.clientWidth || 600;
  const w = Math.max(1, Math.round(cssWidth * ratio)), h = Math.round(HEIGHT * ratio);
  canvas.width = w;
  canvas.height = h;
  const base = document.createElement('canvas');
  base.width = w;
  base.height = h;
  const g = base.getContext('2d');
  if (!g) return base;
  g.fillStyle = colour(canvas, '--gate-border', '#2457c5');
  const colW = w / Math.max(cols, 1), rowH = h / Math.max(rows, 1);
  const markW = Math.max(1, colW * 0.7);
  for (const { col, lo, hi } of placed) g.fillRect(col * colW, lo * rowH, markW, Math.max(1, (hi - lo + 1) * rowH - 1));
  return base;
}

// Draws the overview of `placed` (the diagram's layout: {col, lo, hi} per operation) on `canvas`
// and calls onPick(fraction) when the user clicks or drags on it. Returns { view(left, width) },
// which outlines the shown part (both fractions of the circuit's width).
export function drawOverview(canvas, placed, size, onPick) {
  let state = states.get(canvas);
  if (!state) {
    state = { onPick: null, base: null, left: 0, width: 1 };
    states.set(canvas, state);
    const pick = (e) => {
      const box = canvas.getBoundingClientRect();
      state.onPick?.(Math.min(1, Math.max(0, (e.clientX - box.left) / (box.width || 1))));
    };
    canvas.addEventListener('pointerdown', (e) => {
      canvas.setPointerCapture?.(e.pointerId);
      pick(e);
    });
    canvas.addEventListener('pointermove', (e) => { if (e.buttons & 1) pick(e); });
  }
  state.onPick = onPick;
  state.base = drawMarks(canvas, placed, size);
  state.left = -1;  // so the first view() of this circuit paints
  const paint = () => {
    const g = canvas.getContext('2d');
    if (!g) return;
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.drawImage(state.base, 0, 0);
    const ratio = window.devicePixelRatio || 1;
    const x = state.left * canvas.width, w = Math.max(4 * ratio, state.width * canvas.width);
    g.fillStyle = colour(canvas, '--view', 'rgba(36, 87, 197, 0.12)');
    g.fillRect(x, 0, w, canvas.height);
    g.strokeStyle = colour(canvas, '--accent', '#2457c5');
    g.lineWidth = 2 * ratio;
    g.strokeRect(x + ratio, ratio, w - 2 * ratio, canvas.height - 2 * ratio);
  };
  return {
    view(left, width) {
      if (left === state.left && width === state.width) return;
      state.left = left;
      state.width = width;
      canvas.dataset.view = `${left.toFixed(4)} ${width.toFixed(4)}`;  // what the tests read
      paint();
    },
  };
}
