// The package's API over the raw Embind module: argument checks (a wrong call is a TypeError and
// never reaches the module, which stays usable), option encoding, and one JSON.parse per report so
// that the object returned is exactly the one `qvet validate --json` prints.

const FORMATS = Object.freeze(['auto', 'qasm2', 'python']);

const VALIDATE_OPTIONS = {
  format: (v) => FORMATS.includes(v) || `must be one of ${FORMATS.join(', ')}`,
  strict: (v) => typeof v === 'boolean' || 'must be a boolean',
  operations: (v) => typeof v === 'boolean' || 'must be a boolean',
  backend: (v) =>
    (typeof v === 'string' && v.length > 0) || (typeof v === 'object' && v !== null && !Array.isArray(v)) ||
    'must be a profile name (see backends) or a backend object shaped like Qiskit\'s configuration',
  circuit: (v) => (typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) || 'must be a Python variable name',
  limits: (v) => checkLimits(v),
};

const SIMULATE_OPTIONS = {
  ...VALIDATE_OPTIONS,
  shots: (v) => isCount(v) || 'must be a non-negative integer',
  seed: (v) => isCount(v) || 'must be a non-negative integer',
  statevector: (v) => typeof v === 'boolean' || 'must be a boolean',
  maxQubits: (v) => isCount(v) || 'must be a non-negative integer',
  parameters: (v) =>
    (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => Number.isFinite(x))) ||
    'must be an object mapping Parameter names to finite numbers',
  paulis: (v) => (Array.isArray(v) && v.every((p) => typeof p === 'string')) || 'must be an array of strings',
};

const LIMITS = ['maxSourceBytes', 'maxQubits', 'maxClbits', 'maxInstructions', 'maxExpandedOps', 'maxDiagnostics'];

function isCount(v) {
  return Number.isSafeInteger(v) && v >= 0;
}

function checkLimits(v) {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be an object';
  for (const [k, x] of Object.entries(v)) {
    if (!LIMITS.includes(k)) return `has an unknown limit '${k}' (known: ${LIMITS.join(', ')})`;
    if (!isCount(x)) return `.${k} must be a non-negative integer`;
  }
  return true;
}

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v}`;
}

function checkCode(code, what = 'code') {
  if (typeof code !== 'string') throw new TypeError(`qvet: ${what} must be a string of circuit source, got ${describe(code)}`);
}

function encodeOptions(options, schema, method) {
  if (options === undefined || options === null) return '{}';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`qvet: ${method} options must be an object, got ${describe(options)}`);
  }
  for (const [key, value] of Object.entries(options)) {
    const check = schema[key];
    if (!check) throw new TypeError(`qvet: unknown ${method} option '${key}' (known: ${Object.keys(schema).join(', ')})`);
    const ok = check(value);
    if (ok !== true) throw new TypeError(`qvet: ${method} option '${key}' ${ok}`);
  }
  return JSON.stringify(options);
}

export function makeValidator(mod) {
  const version = mod.version();
  const backends = Object.freeze(JSON.parse(mod.backends()).map((b) => Object.freeze(b)));
  const gates = Object.freeze(JSON.parse(mod.gates()).map((g) => Object.freeze(g)));
  return Object.freeze({
    version,
    formats: FORMATS,
    /** The built-in device profiles: pass a name (or one of its devices) as the `backend` option. */
    backends,
    /** The standard gates qvet knows (the core's gate table), with their names, arity and structure. */
    gates,
    validate(code, options) {
      checkCode(code);
      return JSON.parse(mod.validate(code, encodeOptions(options, VALIDATE_OPTIONS, 'validate')));
    },
    simulate(code, options) {
      checkCode(code);
      return JSON.parse(mod.simulate(code, encodeOptions(options, SIMULATE_OPTIONS, 'simulate')));
    },
    equivalent(a, b) {
      checkCode(a, 'first circuit');
      checkCode(b, 'second circuit');
      return JSON.parse(mod.equivalent(a, b));
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
