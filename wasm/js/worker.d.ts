import type {
  BackendProfile, CompletionItem, DiagnosticCodeInfo, DocumentSymbolInfo, Equivalence, ExportResult, Format, GateInfo,
  HoverResult, LoadOptions, ProgressOptions, RenameResult, Report, SimulateOptions, SourceRange, ValidateOptions,
} from './index.js';

export interface CallOptions {
  /** Aborting cancels the call: the worker is stopped and the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface WorkerValidator {
  readonly version: string;
  readonly formats: readonly Format[];
  readonly backends: readonly BackendProfile[];
  readonly gates: readonly GateInfo[];
  readonly codes: readonly DiagnosticCodeInfo[];
  validate(code: string, options?: ValidateOptions, call?: CallOptions): Promise<Report>;
  /** `call.onProgress` is posted the share done as the worker runs (see Validator.simulate). */
  simulate(code: string, options?: SimulateOptions, call?: CallOptions & ProgressOptions): Promise<Report>;
  export(code: string, to: 'qasm2' | 'qasm3', options?: ValidateOptions, call?: CallOptions): Promise<ExportResult>;
  equivalent(a: string, b: string, call?: CallOptions): Promise<Equivalence>;
  hover(code: string, line: number, column: number, options?: ValidateOptions, call?: CallOptions): Promise<HoverResult | null>;
  completions(code: string, line: number, column: number, options?: ValidateOptions, call?: CallOptions): Promise<CompletionItem[]>;
  definition(code: string, line: number, column: number, options?: ValidateOptions, call?: CallOptions): Promise<SourceRange[]>;
  references(code: string, line: number, column: number, options?: ValidateOptions, includeDeclaration?: boolean,
    call?: CallOptions): Promise<SourceRange[]>;
  rename(code: string, line: number, column: number, newName: string, options?: ValidateOptions, call?: CallOptions): Promise<RenameResult>;
  documentSymbols(code: string, options?: ValidateOptions, call?: CallOptions): Promise<DocumentSymbolInfo[]>;
  /** Cancels every running call (their promises reject with an AbortError). */
  cancel(): void;
  terminate(): void;
}

export interface WorkerLoadOptions extends LoadOptions {
  /** Makes the worker (default: a module Worker running the package's worker-entry.mjs). */
  createWorker?: () => Worker;
  /**
   * The small module (qvet-lean.wasm) compiled by the page, or a promise of it: start
   * `WebAssembly.compileStreaming(fetch(url))` first thing and the worker only instantiates it.
   */
  leanModule?: WebAssembly.Module | Promise<WebAssembly.Module>;
  /**
   * Where the threaded module (qvet-threads.mjs, with its .wasm and .worker.js beside it) is
   * served; default: beside the worker's script. Used to simulate when the page is cross-origin
   * isolated; `false` never uses it.
   */
  threadsUrl?: string | URL | false;
}

/** Starts a Web Worker holding the validator; resolves once it has loaded. */
export function createWorkerValidator(options?: WorkerLoadOptions): Promise<WorkerValidator>;
