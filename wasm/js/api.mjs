// The package's API over the raw Embind module: argument checks (a wrong call is a TypeError and
// never reaches the module, which stays usable), option encoding, and one JSON.parse per report so
// that the object returned is exactly the one `qvet validate --json` prints.

// The argument checks are built from the module's option table (optionSchema(): each option's
// key, type and calls, declared once in core/api/option_table.cpp), one check per type. A check
// returns true or the end of the TypeError's message.
const CHECKS = {
  boolean: () => (v) => typeof v === 'boolean' || 'must be a boolean',
  count: () => (v) => isCount(v) || 'must be a non-negative integer',
  oneOf: ({ choices }) => (v) => choices.includes(v) || `must be one of ${choices.join(', ')}`,
  identifier: () => (v) => (typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) || 'must be a Python variable name',
  backend: () => (v) =>
    (typeof v === 'string' && v.length > 0) || isObject(v) ||
    'must be a profile name (see backends) or a backend object shaped like Qiskit\'s configuration',
  numberMap: () => (v) =>
    (isObject(v) && Object.values(v).every((x) => Number.isFinite(x))) ||
    'must be an object mapping Parameter names to finite numbers',
  stringList: () => (v) => (Array.isArray(v) && v.every((p) => typeof p === 'string')) || 'must be an array of strings',
};

function isCount(v) {
  return Number.isSafeInteger(v) && v >= 0;
}

function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// The keys of a group ("limits.maxQubits" is maxQubits in limits) are checked inside its object.
function groupCheck(group, members) {
  const known = Object.keys(members);
  const member = group.replace(/s$/, '');  // limits: "an unknown limit"
  return (v) => {
    if (!isObject(v)) return 'must be an object';
    for (const [k, x] of Object.entries(v)) {
      if (!Object.hasOwn(members, k)) return `has an unknown ${member} '${k}' (known: ${known.join(', ')})`;
      const ok = members[k](x);
      if (ok !== true) return `.${k} ${ok}`;
    }
    return true;
  };
}

// {key: check} for the options a call takes, in the table's order (the "known" list's order); a
// group sits where its first key is.
function optionChecks(schema, call) {
  const checks = {}, groups = {};
  for (const row of schema) {
    if (!row.calls.includes(call)) continue;
    const make = CHECKS[row.type];
    if (!make) throw new Error(`qvet: option '${row.key}' has a type this package does not know: ${row.type}`);
    const dot = row.key.indexOf('.');
    if (dot < 0) {
      checks[row.key] = make(row);
      continue;
    }
    const group = row.key.slice(0, dot);
    if (!groups[group]) checks[group] = null;  // holds the place
    (groups[group] ??= {})[row.key.slice(dot + 1)] = make(row);
  }
  for (const [group, members] of Object.entries(groups)) checks[group] = groupCheck(group, members);
  return checks;
}

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v}`;
}

function checkCode(code, what = 'code') {
  if (typeof code !== 'string') throw new TypeError(`qvet: ${what} must be a string of circuit source, got ${describe(code)}`);
}

function encodeOptions(options, checks, method) {
  if (options === undefined || options === null) return '{}';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`qvet: ${method} options must be an object, got ${describe(options)}`);
  }
  for (const [key, value] of Object.entries(options)) {
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    if (!check) throw new TypeError(`qvet: unknown ${method} option '${key}' (known: ${Object.keys(checks).join(', ')})`);
    const ok = check(value);
    if (ok !== true) throw new TypeError(`qvet: ${method} option '${key}' ${ok}`);
  }
  return JSON.stringify(options);
}

// Long code crosses into the module as UTF-8 bytes (TextEncoder, then one copy), where embind's
// string path encodes it character by character in JavaScript: a 3.4 MB circuit 32 ms -> 14 ms.
// Code that is not well-formed UTF-16 (a lone surrogate) keeps the string path, whose bytes the
// core reports as invalid UTF-8 (TextEncoder would replace them); short code gains nothing.
const encoder = new TextEncoder();
const BYTES_FROM = 1 << 14;
// A position in the source: a 1-based line and a 1-based column in code points, as a
// diagnostic's span gives them.
function checkPosition(line, column, method) {
  for (const [name, v] of [['line', line], ['column', column]]) {
    if (!Number.isSafeInteger(v) || v < 1 || v > 0x7fffffff) {
      throw new TypeError(`qvet: ${method}'s ${name} must be a whole number from 1, got ${describe(v)}`);
    }
  }
}

function wire(code) {
  return code.length >= BYTES_FROM && code.isWellFormed?.() ? encoder.encode(code) : code;
}

// The simulate call's third argument: {onProgress} or nothing. The hook the module calls catches
// what the caller's function throws: an exception crossing the module would skip its clean-up.
function progressHook(call) {
  if (call === undefined || call === null) return undefined;
  if (!isObject(call)) throw new TypeError(`qvet: simulate's third argument must be an object, got ${describe(call)}`);
  const { onProgress } = call;
  if (onProgress === undefined) return undefined;
  if (typeof onProgress !== 'function') throw new TypeError(`qvet: onProgress must be a function, got ${describe(onProgress)}`);
  return (fraction) => {
    try {
      onProgress(fraction);
    } catch (err) {
      console.error('qvet: onProgress threw:', err);
    }
  };
}

export function makeValidator(mod) {
  const version = mod.version();
  const backends = Object.freeze(JSON.parse(mod.backends()).map((b) => Object.freeze(b)));
  const gates = Object.freeze(JSON.parse(mod.gates()).map((g) => Object.freeze(g)));
  const codes = Object.freeze(JSON.parse(mod.codes()).map((c) => Object.freeze({ ...c, origins: Object.freeze(c.origins) })));
  const schema = JSON.parse(mod.optionSchema());
  const validateChecks = optionChecks(schema, 'validate'), simulateChecks = optionChecks(schema, 'simulate');
  const formats = Object.freeze([...schema.find((row) => row.key === 'format').choices]);
  return Object.freeze({
    version,
    formats,
    /** The built-in device profiles: pass a name (or one of its devices) as the `backend` option. */
    backends,
    /** The standard gates qvet knows (the core's gate table), with their names, arity and structure. */
    gates,
    /** Every diagnostic code (the core's code table): its severity, title, origins and documentation. */
    codes,
    validate(code, options) {
      checkCode(code);
      return JSON.parse(mod.validate(wire(code), encodeOptions(options, validateChecks, 'validate')));
    },
    /**
     * `call.onProgress(fraction)`, when given, is told the share of the run done as it goes (up to
     * about a hundred times, the last 1); what it throws is reported on the console, never thrown
     * through the module.
     */
    simulate(code, options, call) {
      checkCode(code);
      const json = encodeOptions(options, simulateChecks, 'simulate');
      return JSON.parse(mod.simulate(wire(code), json, progressHook(call)));
    },
    /**
     * The circuit of `code` (any format) written as OpenQASM 2 or 3 (`to`: 'qasm2' or 'qasm3'),
     * with the validate options: {ok, format, code, source_format, renamed, errors, warnings,
     * diagnostics}, the object `qvet export --json` prints. `code` is null when ok is false.
     */
    export(code, to, options) {
      checkCode(code);
      if (to !== 'qasm2' && to !== 'qasm3') throw new TypeError(`qvet: export target must be 'qasm2' or 'qasm3', got ${typeof to === 'string' ? `'${to}'` : describe(to)}`);
      return JSON.parse(mod.exportCircuit(wire(code), to, encodeOptions(options, validateChecks, 'export')));
    },
    equivalent(a, b) {
      checkCode(a, 'first circuit');
      checkCode(b, 'second circuit');
      return JSON.parse(mod.equivalent(wire(a), wire(b)));
    },
    /**
     * The front end `validate` (call 'validate') or `simulate` reads this code with: 'qasm2',
     * 'qasm3' or 'python' ('' when the options are invalid: the call itself says why).
     */
    frontEnd(code, options, call = 'validate') {
      if (typeof code !== 'string') return '';
      const simulate = call === 'simulate';
      let json;
      try {
        json = encodeOptions(options, simulate ? simulateChecks : validateChecks, call);
      } catch {
        return '';  // the call itself throws the TypeError
      }
      return mod.frontEnd(wire(code), json, simulate);
    },
    /** Whether `validate` (call 'validate') or `simulate` reads this code with the Python front end. */
    readsAsPython(code, options, call = 'validate') {
      return this.frontEnd(code, options, call) === 'python';
    },
    // ---- the language service: what an editor asks about the names at a position. `line` and
    // `column` are 1-based, the column in code points (a diagnostic's span gives them so); the
    // options are validate's (format, ...). OpenQASM 2 answers; other sources answer nothing yet.
    /** The name at the position: {span, markdown} (a declaration in a code block, then prose), or null. */
    hover(code, line, column, options) {
      checkCode(code);
      checkPosition(line, column, 'hover');
      return JSON.parse(mod.hover(wire(code), line, column, encodeOptions(options, validateChecks, 'hover')));
    },
    /** What can be written at the position: [{label, kind, detail}], for the word being typed there. */
    completions(code, line, column, options) {
      checkCode(code);
      checkPosition(line, column, 'completions');
      return JSON.parse(mod.completions(wire(code), line, column, encodeOptions(options, validateChecks, 'completions')));
    },
    /** Where the name at the position is declared: [span], empty for a standard gate. */
    definition(code, line, column, options) {
      checkCode(code);
      checkPosition(line, column, 'definition');
      return JSON.parse(mod.definition(wire(code), line, column, encodeOptions(options, validateChecks, 'definition')));
    },
    /** Every use of the name at the position: [span], its declaration first unless `includeDeclaration` is false. */
    references(code, line, column, options, includeDeclaration = true) {
      checkCode(code);
      checkPosition(line, column, 'references');
      if (typeof includeDeclaration !== 'boolean') throw new TypeError(`qvet: references' includeDeclaration must be a boolean, got ${describe(includeDeclaration)}`);
      return JSON.parse(mod.references(wire(code), line, column, includeDeclaration, encodeOptions(options, validateChecks, 'references')));
    },
    /** The edits that rename the name at the position: {ok, error, edits: [{span, text}]}; error says why not. */
    rename(code, line, column, newName, options) {
      checkCode(code);
      checkPosition(line, column, 'rename');
      if (typeof newName !== 'string') throw new TypeError(`qvet: rename's new name must be a string, got ${describe(newName)}`);
      return JSON.parse(mod.rename(wire(code), line, column, newName, encodeOptions(options, validateChecks, 'rename')));
    },
    /** The source's declarations in order: [{name, kind, detail, span, name_span, parent}] (an outline). */
    documentSymbols(code, options) {
      checkCode(code);
      return JSON.parse(mod.documentSymbols(wire(code), encodeOptions(options, validateChecks, 'documentSymbols')));
    },
    /** Top of the wasm heap in bytes (for leak checks). */
    heapTop() {
      return mod.heapTop();
    },
  });
}

export function moduleArguments(options, defaultWasmUrl) {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new TypeError(`qvet: createValidator options must be an object, got ${describe(options)}`);
  }
  const { wasmBinary, wasmUrl } = options ?? {};
  if (wasmBinary !== undefined) {
    if (!(wasmBinary instanceof ArrayBuffer || ArrayBuffer.isView(wasmBinary))) {
      throw new TypeError('qvet: wasmBinary must be an ArrayBuffer or a typed array');
    }
    return { wasmBinary };
  }
  const url = wasmUrl !== undefined ? String(wasmUrl) : defaultWasmUrl;
  return { locateFile: () => url };
}
