// The settings panel: which rules (warning and info codes) the page reports. Its list is the
// package's `codes` (the core's code table), so a new code appears here without an edit; errors
// are not listed, since no rule switches one off. The choice is kept in localStorage and becomes
// the `rules` option of every validation: a code on by default that is switched off goes into
// rules.disable, one off by default that is switched on into rules.enable, and one marked "error"
// into rules.error.

const STORAGE_KEY = 'qvet:rules';

// The code table's hundreds, as docs/diagnostics.md sections them.
const GROUPS = [
  [/^W1/, 'Language'],
  [/^W2/, 'Circuit lints'],
  [/^[WI]6/, 'Qiskit Python'],
  [/^W7/, 'Backend checks'],
  [/^W8/, 'Export'],
];
const groupOf = (code) => GROUPS.find(([re]) => re.test(code))?.[1] ?? 'Other';

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return saved && typeof saved === 'object' ? saved : {};
  } catch {
    return {};  // storage blocked, or not JSON: the defaults
  }
}

function save(choices) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(choices));
  } catch {
    // private mode or storage full: the choice lasts for this visit
  }
}

// choices: code -> 'on' | 'off' | 'error', only where it differs from the default.
export function rulesOption(codes, choices) {
  const rules = { disable: [], enable: [], error: [] };
  for (const c of codes) {
    const choice = choices[c.code];
    if (!choice) continue;
    if (choice === 'off' && !c.off_by_default) rules.disable.push(c.code);
    if ((choice === 'on' || choice === 'error') && c.off_by_default) rules.enable.push(c.code);
    if (choice === 'error' && c.severity === 'warning') rules.error.push(c.code);
  }
  for (const k of Object.keys(rules)) if (!rules[k].length) delete rules[k];
  return Object.keys(rules).length ? rules : undefined;
}

// dialog: the <dialog> holding a list container (.rules-list), a filter input, a reset button and a
// summary line; opener: the button that shows it. onChange(rules) is called with the new `rules`
// option (undefined: the defaults) after every change.
export function initSettings({ dialog, opener, codes, onChange }) {
  const switchable = codes.filter((c) => c.severity !== 'error' && !c.retired);
  let choices = load();
  for (const code of Object.keys(choices)) if (!switchable.some((c) => c.code === code)) delete choices[code];

  const list = dialog.querySelector('.rules-list');
  const filter = dialog.querySelector('.rules-filter');
  const summary = dialog.querySelector('.rules-summary');
  const defaultOf = (c) => (c.off_by_default ? 'off' : 'on');
  const stateOf = (c) => choices[c.code] ?? defaultOf(c);

  function describe() {
    const changed = Object.keys(choices).length;
    summary.textContent = changed ? `${changed} rule${changed === 1 ? '' : 's'} changed from the defaults.` : 'Every rule as qvet sets it.';
    opener.textContent = changed ? `Rules (${changed})` : 'Rules';
  }

  function set(c, state) {
    if (state === defaultOf(c)) delete choices[c.code];
    else choices[c.code] = state;
    save(choices);
    describe();
    onChange(rulesOption(switchable, choices));
  }

  function build() {
    list.replaceChildren();
    let group = null;
    for (const c of switchable) {
      const name = groupOf(c.code);
      if (name !== group) {
        group = name;
        const h = document.createElement('h3');
        h.textContent = name;
        list.append(h);
      }
      const row = document.createElement('div');
      row.className = 'rule';
      row.dataset.code = c.code;
      row.dataset.search = `${c.code} ${c.title}`.toLowerCase();
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', id: `rule-${c.code}` });
      box.checked = stateOf(c) !== 'off';
      const label = document.createElement('label');
      label.htmlFor = box.id;
      const code = Object.assign(document.createElement('code'), { textContent: c.code });
      label.append(code, ` ${c.title}`);
      if (c.off_by_default) label.append(Object.assign(document.createElement('span'), { className: 'muted', textContent: ' (off by default)' }));
      const link = Object.assign(document.createElement('a'), { href: c.docs, textContent: 'docs', target: '_blank', rel: 'noopener' });
      link.setAttribute('aria-label', `${c.code} in the documentation`);
      row.append(box, label);
      let severity = null;
      if (c.severity === 'warning') {  // an info is never an error
        severity = document.createElement('select');
        severity.setAttribute('aria-label', `${c.code} severity`);
        severity.append(new Option('warning', 'warning'), new Option('error', 'error'));
        severity.value = stateOf(c) === 'error' ? 'error' : 'warning';
        severity.disabled = !box.checked;
        severity.addEventListener('change', () => set(c, severity.value === 'error' ? 'error' : 'on'));
        row.append(severity);
      }
      row.append(link);
      box.addEventListener('change', () => {
        if (severity) severity.disabled = !box.checked;
        set(c, !box.checked ? 'off' : severity?.value === 'error' ? 'error' : 'on');
      });
      list.append(row);
    }
  }

  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const row of list.querySelectorAll('.rule')) row.hidden = q !== '' && !row.dataset.search.includes(q);
  });
  dialog.querySelector('.rules-reset').addEventListener('click', () => {
    choices = {};
    save(choices);
    build();
    describe();
    onChange(undefined);
  });
  opener.addEventListener('click', () => {
    dialog.showModal();
    filter.focus();
  });
  build();
  describe();
  return rulesOption(switchable, choices);
}
