// Per-thread state of the core (the Python interpreter's memory count and generations): natively
// `thread_local`, so validations on several threads never share it. WebAssembly without threads
// has one thread, and there wasm-ld refuses `thread_local` once bulk memory is on (it would need
// the atomics feature), so there it is a plain static.
#pragma once

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define QVET_THREAD_LOCAL
#else
#define QVET_THREAD_LOCAL thread_local
#endif
