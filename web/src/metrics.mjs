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
}
