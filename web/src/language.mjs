// The editor's language features, answered by the package's language service in the validation
// worker: hover text, completion, go to definition (F12) and rename (F2). Each call reads the
// document as it is now, so an answer never waits for a validation; one that arrives after the
// document changed is dropped by CodeMirror (hover, completion) or checked here (definition).
import { autocompletion } from '@codemirror/autocomplete';
import { EditorSelection } from '@codemirror/state';
import { hoverTooltip, keymap } from '@codemirror/view';
import { lineColumn, position } from './editor.mjs';

// The service's markdown, as DOM: fenced blocks as <pre>, `code` as <code>, the rest as text.
// Never innerHTML: the text quotes the user's source.
export function renderMarkdown(markdown) {
  const box = document.createElement('div');
  box.className = 'qvet-hover';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; ++i) {
    if (lines[i].startsWith('```')) {
      const pre = document.createElement('pre');
      const body = [];
      for (++i; i < lines.length && !lines[i].startsWith('```'); ++i) body.push(lines[i]);
      pre.textContent = body.join('\n');
      box.append(pre);
      continue;
    }
    if (!lines[i].trim()) continue;
    const p = document.createElement('p');
    lines[i].split('`').forEach((part, k) => {
      if (k % 2) p.append(Object.assign(document.createElement('code'), { textContent: part }));
      else p.append(part);
    });
    box.append(p);
  }
  return box;
}

const completionType = { gate: 'function', opaque: 'function', qreg: 'variable', creg: 'variable', parameter: 'variable',
  qubit: 'variable', variable: 'variable', subroutine: 'function', keyword: 'keyword' };

// service(): the worker validator, or null until it is up; options(): the validate options the
// page uses now (its format choice); onStatus(text): the status line, for a refused rename.
export function languageFeatures({ service, options, onStatus }) {
  const hover = hoverTooltip(async (view, pos) => {
    const v = service();
    if (!v) return null;
    const { line, column } = lineColumn(view.state.doc, pos);
    const h = await v.hover(view.state.doc.toString(), line, column, options()).catch(() => null);
    if (!h) return null;
    const doc = view.state.doc;
    return {
      pos: position(doc, h.span.line, h.span.column),
      end: position(doc, h.span.end_line, h.span.end_column),
      above: true,
      create: () => ({ dom: renderMarkdown(h.markdown) }),
    };
  }, { hoverTime: 250 });

  const complete = autocompletion({
    activateOnTyping: true,
    override: [async (ctx) => {
      const v = service();
      const word = ctx.matchBefore(/[A-Za-z_][A-Za-z0-9_]*/);
      if (!v || (!word && !ctx.explicit)) return null;
      const { line, column } = lineColumn(ctx.state.doc, ctx.pos);
      const items = await v.completions(ctx.state.doc.toString(), line, column, options()).catch(() => []);
      return {
        from: word ? word.from : ctx.pos,
        options: items.map((c, i) => ({ label: c.label, type: completionType[c.kind] ?? 'text', detail: c.detail, boost: -i / items.length })),
        validFor: /^[A-Za-z0-9_]*$/,
      };
    }],
  });

  async function goToDefinition(view) {
    const v = service();
    if (!v) return false;
    const doc = view.state.doc;
    const { line, column } = lineColumn(doc, view.state.selection.main.head);
    const found = await v.definition(doc.toString(), line, column, options()).catch(() => []);
    if (!found.length || view.state.doc !== doc) return true;  // nothing there, or edited meanwhile
    const from = position(doc, found[0].line, found[0].column), to = position(doc, found[0].end_line, found[0].end_column);
    view.dispatch({ selection: EditorSelection.single(from, to), scrollIntoView: true });
    return true;
  }

  async function renameSymbol(view) {
    const v = service();
    if (!v) return false;
    const doc = view.state.doc;
    const { line, column } = lineColumn(doc, view.state.selection.main.head);
    const word = doc.sliceString(...(() => {
      const w = view.state.wordAt(view.state.selection.main.head);
      return w ? [w.from, w.to] : [0, 0];
    })());
    const name = globalThis.prompt(`Rename '${word}' to:`, word);
    if (name === null || name === word || view.state.doc !== doc) return true;
    const r = await v.rename(doc.toString(), line, column, name, options());
    if (!r.ok) {
      onStatus(`Cannot rename: ${r.error}.`);
      return true;
    }
    if (view.state.doc !== doc) return true;
    const changes = r.edits.map((e) => ({ from: position(doc, e.span.line, e.span.column), to: position(doc, e.span.end_line, e.span.end_column), insert: e.text }));
    view.dispatch({ changes });
    onStatus(`Renamed ${r.edits.length} use${r.edits.length === 1 ? '' : 's'} of '${word}' to '${name}'.`);
    return true;
  }

  return [
    hover,
    complete,
    keymap.of([
      { key: 'F12', run: (view) => { goToDefinition(view); return true; } },
      { key: 'F2', run: (view) => { renameSymbol(view); return true; } },
    ]),
  ];
}
