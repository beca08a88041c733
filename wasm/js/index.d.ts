// Types for the qvet package. Reports are the objects `qvet validate --json` prints.

export type Format = 'auto' | 'qasm2' | 'qasm3' | 'python';

// The options below are declared once, in core/api/option_table.cpp: tests/js/options.test.mjs
// checks these keys, types and comments against that table (as the module exports it).

/** Bounds on what one call may cost: no input can hang a page or exhaust its memory. */
export interface Limits {
  /** Refuse a source of more bytes (default 67108864). */
  maxSourceBytes?: number;
  /** Refuse more qubits, over all qregs (default 1048576). */
  maxQubits?: number;
  /** Refuse more classical bits, over all cregs (default 1048576). */
  maxClbits?: number;
  /** Refuse more instructions, counted after broadcasting over registers (default 5000000). */
  maxInstructions?: number;
  /** Refuse more operations once custom gates are expanded (default 50000000). */
  maxExpandedOps?: number;
  /** Errors and warnings kept in a report, up to 100000 (default 100). */
  maxDiagnostics?: number;
}

/** Which diagnostics to report, by code (docs/diagnostics.md#rules): errors are never switched off. */
export interface Rules {
  /** Do not report this warning or info (a code of docs/diagnostics.md; several comma-separated). */
  disable?: string[];
  /** Report this code, which is off by default. */
  enable?: string[];
  /** Report this warning as an error (the circuit is then invalid). */
  error?: string[];
  /** Keep this code a warning where --strict would make it an error. */
  warning?: string[];
}

export interface ValidateOptions {
  /** The language of the source: qasm2, python (Qiskit code, read statically, never run) or auto,
   * which tells them apart (default auto). */
  format?: Format;
  /** Departures from the OpenQASM 2 paper are errors, not warnings. */
  strict?: boolean;
  /** Include every operation with its layer in the report (to draw the circuit). */
  operations?: boolean;
  /** With operations: list only the first N (0 lists all), what a drawing of a big circuit needs (default 0). */
  maxOperations?: number;
  /** Check against a device: a profile or IBM device name (as qvet backends and the package's
   * backends list them), line-N, ring-N, grid-RxC, all-to-all-N, or a configuration shaped like
   * Qiskit's (on the CLI, a JSON file). */
  backend?: string | BackendConfiguration;
  /** Python: the variable holding the circuit to report (default: the last QuantumCircuit built). */
  circuit?: string;
  rules?: Rules;
  limits?: Limits;
}

export interface SimulateOptions extends ValidateOptions {
  /** Samples to draw (default 1024). */
  shots?: number;
  /** Of the amplitudes: double, or single (half the memory; the same on every platform for each) (default double). */
  precision?: 'double' | 'single';
  /** Threads for the simulation, 0 for one a core (WebAssembly without threads: one); the same amplitudes for any number (default 0). */
  threads?: number;
  /** The same seed gives the same counts on every platform (default 0). */
  seed?: number;
  /** Include the final amplitudes (up to 16 qubits). */
  statevector?: boolean;
  /** Refuse larger circuits before allocating; at most 24 in WebAssembly (default 24). */
  maxQubits?: number;
  /** Values of the circuit's Parameters (Qiskit Python input), by name; every one is needed. */
  parameters?: Record<string, number>;
  /** Pauli strings such as ZZI (qubit 0 rightmost) whose expectation values to report. */
  paulis?: string[];
}

export interface Diagnostic {
  /** 'info': what qvet recognised and skipped (code that runs or plots the circuit), not a problem. */
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  offset: number;
  length: number;
  /** In a notebook: the cell (1-based); line and end_line count within it. */
  cell?: number;
  /** Where the remedy is certain: the edits that apply it (a missing include, cnot for cx, ...). */
  fixes?: QuickFix[];
}

/** A quick fix: its title and edits (report-style positions; an empty range inserts). */
export interface QuickFix {
  title: string;
  edits: { line: number; column: number; end_line: number; end_column: number; offset: number; length: number; text: string }[];
}

export interface Metrics {
  size: number;
  depth: number;
  nonlocal_gates: number;
  two_qubit_gates: number;
  gate_types: Record<string, number>;
}

export interface Operation {
  name: string;
  qubits: number[];
  clbits: number[];
  params: number[];
  layer: number;
  condition?: { creg: string; value: string };
  line: number;
  column: number;
}

export interface Simulation {
  ok: boolean;
  /** Why the simulation did not run: a diagnostic, in the same shape as the report's. */
  error?: Diagnostic;
  method?: 'sampling' | 'trajectories';
  precision?: 'double' | 'single';
  /** Threads the simulation ran on (1 below 16 qubits, and in WebAssembly without threads). */
  threads?: number;
  qubits?: number;
  shots?: number;
  seed?: number;
  measured_all_qubits?: boolean;
  counts?: Record<string, number>;
  probabilities?: Record<string, number> | null;
  probabilities_truncated?: boolean;
  statevector?: [number, number][];
  expectation_values?: Record<string, number>;
}

export interface Report {
  valid: boolean;
  circuit_hash: string;
  depth: number;
  qubits: number;
  gates: number;
  gate_types: Record<string, number>;
  estimated_execution_time: number;
  errors: string[];
  warnings: string[];
  format: 'qasm2' | 'qasm3' | 'python' | 'unknown';
  version: string;
  /** Python input: the variable the reported circuit was assigned to. */
  circuit?: string;
  /** Python input: the unbound Parameters, sorted by name as Qiskit does. */
  parameters?: string[];
  clbits: number;
  size: number;
  nonlocal_gates: number;
  two_qubit_gates: number;
  ops_per_qubit: number[];
  expanded: Metrics;
  registers: { qregs: { name: string; size: number }[]; cregs: { name: string; size: number }[] };
  custom_gates: { name: string; params: number; qubits: number; opaque: boolean; line: number }[];
  diagnostics: Diagnostic[];
  /** Findings the rules switched off: the rules option or a `qvet:` comment. */
  suppressed_diagnostics: number;
  operations?: Operation[];
  simulation?: Simulation;
  /** Only with the backend option. */
  backend?: BackendSection;
  /** The version of the report's JSON (semantic; docs/report.schema.json, shipped as qvet/dist/report.schema.json). */
  schema_version: string;
  qvet_version: string;
}

export interface Equivalence {
  ok: boolean;
  equivalent: boolean;
  global_phase: number;
  max_deviation: number;
  /** null when both circuits could be compared; else a diagnostic (E510-E512, or a circuit's first error). */
  error: Diagnostic | null;
}

export interface BackendConfiguration {
  backend_name: string;
  n_qubits: number;
  basis_gates: string[];
  coupling_map?: [number, number][];
  /** Median error per basis gate (probabilities). */
  gate_errors?: Record<string, number>;
  /** Median duration per basis gate, in seconds. */
  gate_durations?: Record<string, number>;
  readout_error?: number;
  /** Seconds. */
  readout_duration?: number;
}

export interface BackendProfile {
  name: string;
  processor: string;
  /** 0 for the generic shapes (line-N, ring-N, grid-RxC, all-to-all-N). */
  qubits: number;
  couplers: number;
  basis_gates: string[];
  /** IBM device names that select this profile. */
  devices: string[];
}

/** One row of the core's gate table (`Validator.gates`). */
export interface GateInfo {
  /** As written in OpenQASM 2 (qelib1.inc), e.g. "cu1", "c3sqrtx". */
  name: string;
  /** What Qiskit calls the instruction (what count_ops and report operations use), e.g. "c3sx". */
  qiskit_name: string;
  /** Other spellings of the same gate, e.g. "phase" for p (OpenQASM 3's stdgates.inc). */
  aliases: string[];
  params: number;
  /** 0 when any width is allowed (mcx with 5+ controls). */
  qubits: number;
  /** Qubits the gate's matrix acts on; in a controlled gate, the ones before are controls. */
  target_qubits: number;
  controlled: boolean;
  /** How the simulator applies it: its matrix, a controlled 2x2, a (controlled) swap, its definition. */
  kernel: 'identity' | 'matrix' | 'controlled' | 'swap' | 'definition';
  /** What a diagram writes in the gate's box (the target's, for a controlled gate). */
  label: string;
  /** The standard gate that is its inverse (Qiskit's Gate.inverse()), or null. */
  inverse: string | null;
  /** The standard gate with one more control (Qiskit's Gate.control(1)), or null. */
  controlled_form: string | null;
  /** "builtin" for U and CX, "qelib1" for the rest of Qiskit's OpenQASM 2 set, null for Python only. */
  openqasm2: 'builtin' | 'qelib1' | null;
  python_method: string | null;
  python_class: string | null;
}

/** One row of the core's diagnostic code table (`Validator.codes`), as docs/diagnostics.md lists it. */
export interface DiagnosticCodeInfo {
  /** "E204", "W604", "I601". */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** A few words, the bold start of the code's row in docs/diagnostics.md. */
  title: string;
  /** Where it can come from. */
  origins: ('qasm2' | 'qasm3' | 'python' | 'backend' | 'simulation' | 'package' | 'export')[];
  /** Reported only when switched on (`rules.enable`). */
  off_by_default: boolean;
  /** A warning that `strict` makes an error. */
  strict_error: boolean;
  /** No longer produced; kept so that a code never changes meaning. */
  retired: boolean;
  /** The code's row in the documentation. */
  docs: string;
}

/** A range of the source, as a diagnostic's: 1-based lines and code-point columns, end exclusive. */
export interface SourceRange {
  line: number;
  column: number;
  end_line: number;
  end_column: number;
}

/** What `hover` says about a name. */
export interface HoverResult {
  span: SourceRange;
  /** A declaration or signature in a fenced code block, then a line or two (a small gate's matrix too). */
  markdown: string;
}

export interface CompletionItem {
  label: string;
  kind: 'keyword' | 'gate' | 'qreg' | 'creg' | 'parameter' | 'qubit' | 'variable' | 'subroutine' | 'opaque';
  /** "4 qubits", "(theta) q0, q1", ... */
  detail: string;
}

export interface RenameResult {
  ok: boolean;
  /** Why the rename is refused (a standard gate, a clash, not an identifier), when ok is false. */
  error: string | null;
  edits: { span: SourceRange; text: string }[];
}

export interface DocumentSymbolInfo {
  name: string;
  kind: 'qreg' | 'creg' | 'gate' | 'opaque' | 'parameter' | 'qubit' | 'variable' | 'subroutine';
  detail: string;
  /** The whole declaration (a gate with its body). */
  span: SourceRange;
  name_span: SourceRange;
  /** A gate's parameter or qubit: the index of the gate's entry. */
  parent: number | null;
}

export interface BackendSection {
  name: string;
  processor: string;
  qubits: number;
  couplers: number;
  basis_gates: string[];
  directed: boolean;
  fits: boolean;
  translations: { gate: string; count: number; basis_gates_each: number | null; translation: string }[];
  translation_complete: boolean;
  basis_gate_counts: Record<string, number>;
  connectivity: {
    uncoupled_as_written: number;
    layout_status: 'as written' | 'found' | 'none' | 'unknown' | 'not checked';
    /** Circuit qubit i goes on device qubit layout[i]; null when no SWAP-free layout is known. */
    layout: number[] | null;
    layout_note: string;
    layout_search_steps: number;
    swaps_lower_bound: number | null;
    swaps_lower_bound_as_written: number | null;
  };
  /** Critical path in the device's gate durations, seconds; null when unknown. */
  estimated_duration_seconds: number | null;
  estimated_success_probability: number | null;
  source: string;
  notes: string[];
}

/** The result of `export()`: the object `qvet export --json` prints. */
export interface ExportResult {
  /** The source is valid and the target language can say every part of it (else an E800 says why). */
  ok: boolean;
  /** The language written. */
  format: 'qasm2' | 'qasm3';
  /** The circuit in that language; null when ok is false. */
  code: string | null;
  /** The format the source was read as. */
  source_format: 'qasm2' | 'qasm3' | 'python' | 'unknown';
  /** Names the target does not take, and what they were written as (read back, the latter count). */
  renamed: { from: string; to: string }[];
  circuit_hash: string;
  errors: string[];
  warnings: string[];
  diagnostics: Diagnostic[];
  qvet_version: string;
}

export interface ProgressOptions {
  /** Called with the fraction of the simulation done, 0 < fraction <= 1, rising. */
  onProgress?: (fraction: number) => void;
}

export interface Validator {
  readonly version: string;
  readonly formats: readonly Format[];
  readonly backends: readonly BackendProfile[];
  /** The standard gates, from the core's gate table. */
  readonly gates: readonly GateInfo[];
  /** Every diagnostic code, from the core's code table: what a rules setting can switch. */
  readonly codes: readonly DiagnosticCodeInfo[];
  validate(code: string, options?: ValidateOptions): Report;
  /** `call.onProgress` is told the share of the run done as it goes (about a hundred times at most, the last 1). */
  simulate(code: string, options?: SimulateOptions, call?: ProgressOptions): Report;
  /**
   * The circuit of `code` (any format) written as OpenQASM 2 or 3, with the validate options.
   * Read back, the export has the same figures, except where a W801 warning says otherwise.
   */
  export(code: string, to: 'qasm2' | 'qasm3', options?: ValidateOptions): ExportResult;
  equivalent(a: string, b: string): Equivalence;
  /** The name at a position (1-based line, code-point column): its declaration or signature, or null. */
  hover(code: string, line: number, column: number, options?: ValidateOptions): HoverResult | null;
  /** What can be written at the position, for the word being typed there. */
  completions(code: string, line: number, column: number, options?: ValidateOptions): CompletionItem[];
  /** Where the name at the position is declared (empty for a standard gate). */
  definition(code: string, line: number, column: number, options?: ValidateOptions): SourceRange[];
  /** Every use of the name at the position, its declaration first unless includeDeclaration is false. */
  references(code: string, line: number, column: number, options?: ValidateOptions, includeDeclaration?: boolean): SourceRange[];
  /** The edits that give the name at the position another name, or why not. */
  rename(code: string, line: number, column: number, newName: string, options?: ValidateOptions): RenameResult;
  /** The source's declarations, in order (an outline). */
  documentSymbols(code: string, options?: ValidateOptions): DocumentSymbolInfo[];
  /**
   * The front end `validate` (or, with call 'simulate', `simulate`) reads this code with; '' when
   * the call would refuse the options (the call itself says why).
   */
  frontEnd(code: string, options?: ValidateOptions | SimulateOptions, call?: 'validate' | 'simulate'): 'qasm2' | 'qasm3' | 'python' | '';
  /**
   * Whether `validate` (or, with call 'simulate', `simulate`) reads this code with the Python front
   * end: a notebook, `format: 'python'`, or Python found by detection. False for options that
   * the call would refuse.
   */
  readsAsPython(code: string, options?: ValidateOptions | SimulateOptions, call?: 'validate' | 'simulate'): boolean;
  /** Top of the WebAssembly heap in bytes, for leak checks. */
  heapTop(): number;
}

export interface LoadOptions {
  /** The .wasm bytes, when the page or app already has them. */
  wasmBinary?: ArrayBuffer | ArrayBufferView;
  /** Where to fetch the .wasm from (default: next to the module). */
  wasmUrl?: string | URL;
}

/** Loads the WebAssembly module (once) and returns a synchronous validator. */
export function createValidator(options?: LoadOptions): Promise<Validator>;
