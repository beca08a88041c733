// The code editor: CodeMirror 6 with OpenQASM 2 or Python highlighting (whichever the report says
// the source is) and the report's diagnostics shown
// inline (underlines, gutter markers, hover text). Diagnostics are pushed in, never pulled, so
// typing never waits for validation.
import { minimalSetup, EditorView } from 'codemirror';
import { bracketMatching, StreamLanguage } from '@codemirror/language';
import { python } from '@codemirror/legacy-modes/mode/python';
import { Compartment } from '@codemirror/state';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { highlightActiveLine, highlightActiveLineGutter, lineNumbers } from '@codemirror/view';
import { qasm2, qasm3 } from './qasm-language.mjs';

const language = new Compartment();
// Each language with a data-language attribute on the editor, so tests and styles can see it.
const languages = {
  qasm2: [qasm2, EditorView.editorAttributes.of({ 'data-language': 'qasm2' })],
  qasm3: [qasm3, EditorView.editorAttributes.of({ 'data-language': 'qasm3' })],
  python: [StreamLanguage.define(python), EditorView.editorAttributes.of({ 'data-language': 'python' })],
};
let current = 'qasm2';

// extensions: more of them (the language service's features, language.mjs).
export function initEditor(parent, { doc, onChange, extensions = [] }) {
  const view = new EditorView({
    doc,
    parent,
    // minimalSetup (history, keymaps, highlighting) plus what a circuit editor needs; not
    // basicSetup, whose autocompletion, search and folding would double the page's JavaScript.
    extensions: [
      minimalSetup,
      lineNumbers(),
      highlightActiveLine(),
      highlightActiveLineGutter(),
      bracketMatching(),
      language.of(languages.qasm2),
      lintGutter(),
      EditorView.contentAttributes.of({ 'aria-label': 'Circuit source code' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange(u.state.doc.toString());
      }),
      ...extensions,
    ],
  });
  return view;
}

// Line and column (1-based, code points: a diagnostic's and the language service's) of a
// document position, and back, clamped to the line.
export function lineColumn(doc, pos) {
  const l = doc.lineAt(pos);
  return { line: l.number, column: pos - l.from + 1 };
}
export function position(doc, line, column) {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

export function showDiagnostics(view, report) {
  const doc = view.state.doc;
  const diagnostics = (report?.diagnostics ?? []).map((d) => {
    const from = position(doc, d.line, d.column);
    let to = position(doc, d.end_line, d.end_column);
    if (to <= from) to = Math.min(from + 1, doc.length);
    const actions = (d.fixes ?? []).map((f) => ({ name: `💡 ${f.title}`, apply: (v) => applyFix(v, f) }));
    return { from, to, severity: d.severity, message: `${d.message} [${d.code}]`, source: 'qvet', actions };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

// Highlights the source as the language the validator read it as ('qasm2', 'qasm3' or 'python').
export function setLanguage(view, format) {
  const next = format === 'python' || format === 'qasm3' ? format : 'qasm2';
  if (next === current) return;
  current = next;
  view.dispatch({ effects: language.reconfigure(languages[next]) });
}

// A quick fix's edits (positions as the report's spans give them), applied as one change.
export function applyFix(view, fix) {
  const doc = view.state.doc;
  const changes = fix.edits.map((e) => ({ from: position(doc, e.line, e.column), to: position(doc, e.end_line, e.end_column), insert: e.text }));
  view.dispatch({ changes, userEvent: 'qvet.fix' });
  view.focus();
}

// Selects a diagnostic's range and gives the editor the focus (the problems panel's jump).
export function selectRange(view, d) {
  const doc = view.state.doc;
  const from = position(doc, d.line, d.column);
  const to = Math.max(from, position(doc, d.end_line, d.end_column));
  view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
  view.focus();
}

export function setDoc(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
