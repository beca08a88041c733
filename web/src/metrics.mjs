// The metrics panel: the report's figures as a definition list.
export function showMetrics(dl, report) {
  dl.replaceChildren();
  const add = (term, value, title) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (title) dd.title = title;
    dd.dataset.metric = term;
    dl.append(dt, dd);
  };
  if (!report) return;
  add('valid', report.valid ? 'yes' : `no (${report.errors.length} error${report.errors.length === 1 ? '' : 's'})`);
  add('qubits', report.qubits);
  add('clbits', report.clbits);
  add('depth', report.depth);
  add('gates', report.gates);
  add('size', report.size);
  add('two-qubit gates', report.two_qubit_gates);
  add('gate types', Object.entries(report.gate_types).map(([k, v]) => `${k}: ${v}`).join(', ') || '—');
  add('hash', `${report.circuit_hash.slice(0, 12)}…`, report.circuit_hash);
  const b = report.backend;
  if (!b) return;
  const c = b.connectivity;
  add('backend', `${b.name}${b.processor ? ` (${b.processor})` : ''}: ${b.fits ? 'fits' : 'does not fit'}, ${report.qubits} of ${b.qubits} qubits`);
  add('translated', b.translations.map((t) => `${t.gate} ×${t.count} → ${t.basis_gates_each ?? '?'} each`).join(', ') || 'all gates in the basis',
    b.translations.map((t) => t.translation).filter(Boolean).join('\n'));
  const layout = {
    'as written': 'no SWAP needed as written',
    found: `SWAP-free layout: ${(c.layout ?? []).slice(0, 16).map((p, i) => `${i}→${p}`).join(' ')}${(c.layout ?? []).length > 16 ? ' …' : ''}`,
    none: `no SWAP-free layout; at least ${c.swaps_lower_bound} SWAP`,
    unknown: 'SWAP-free layout unknown (search budget reached)',
    'not checked': 'not checked',
  }[c.layout_status];
  add('connectivity', `${c.uncoupled_as_written} uncoupled as written; ${layout}`, c.layout_note);
  const us = b.estimated_duration_seconds;
  add('est. duration', us === null ? 'unknown' : `${(us * 1e6).toFixed(2)} µs`, b.notes.join('\n'));
  const p = b.estimated_success_probability;
  add('est. success', p === null ? 'unknown' : `${(100 * p).toFixed(1)} %`, b.source);
}

// The status line's summary of a report: "Valid.", "Valid, 2 warnings." or "1 error, 1 warning.".
export function statusText(r) {
  const n = r.errors.length, w = r.warnings.length;
  const warnings = w ? `, ${w} warning${w > 1 ? 's' : ''}` : '';
  return r.valid ? `Valid${warnings}.` : `${n} error${n === 1 ? '' : 's'}${warnings}.`;
}
