// The problems panel: every diagnostic of the report, in source order, each a button that puts the
// cursor on it (keyboard reachable: Tab to it, Enter), with its code linked to the code's row of
// the documentation (the package's code table says where), and a light bulb for each quick fix.
export function showProblems(list, report, { docs, onPick, onFix }) {
  list.replaceChildren();
  const diagnostics = [...(report?.diagnostics ?? [])].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const d of diagnostics) {
    const item = document.createElement('li');
    item.className = `problem ${d.severity}`;
    const jump = document.createElement('button');
    jump.type = 'button';
    jump.className = 'problem-jump';
    jump.textContent = `${d.line}:${d.column} ${d.severity} ${d.message}`;
    jump.addEventListener('click', () => onPick(d));
    item.append(jump);
    const url = docs(d.code);
    const code = url
      ? Object.assign(document.createElement('a'), { href: url, target: '_blank', rel: 'noopener', textContent: d.code })
      : Object.assign(document.createElement('span'), { textContent: d.code });
    code.className = 'problem-code';
    if (url) code.setAttribute('aria-label', `${d.code} in the documentation`);
    item.append(code);
    for (const fix of d.fixes ?? []) {
      const bulb = document.createElement('button');
      bulb.type = 'button';
      bulb.className = 'problem-fix';
      bulb.textContent = `💡 ${fix.title}`;
      bulb.addEventListener('click', () => onFix(fix));
      item.append(bulb);
    }
    list.append(item);
  }
  return diagnostics.length;
}
