// The OpenQASM 3 reader beside the OpenQASM 2 parser on the same circuit written in each language
// (Google Benchmark; not a test):
//   build/bench/qvet_bench_qasm3 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// BM_Lines: N generated lines (h, cx, rz cycling over 5 qubits) with each header; BM_Corpus: the
// QASMBench file square_root_n60 (236,563 gates) as published and with its version line made 3.0.
// Items are gates read per second; compare the medians of the two readers in one run.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "circuit/circuit.hpp"
#include "diagnostics/sink.hpp"
#include "qasm2/parser.hpp"
#include "qasm3/frontend.hpp"
#include "source/source_map.hpp"

namespace {

std::string lines(int64_t n, bool three) {
  std::string src = three ? "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[5] q;\n"
                          : "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[5];\n";
  for (int64_t i = 0; i < n; ++i) {
    const std::string a = std::to_string(i % 5), b = std::to_string((i + 1) % 5);
    switch (i % 3) {
      case 0: src += "h q[" + a + "];\n"; break;
      case 1: src += "cx q[" + a + "], q[" + b + "];\n"; break;
      default: src += "rz(0.5) q[" + a + "];\n"; break;
    }
  }
  return src;
}

size_t read(const std::string& src, bool three) {
  const qvet::Options opt;
  qvet::SourceMap map(src);
  qvet::DiagnosticSink sink(opt.limits.max_diagnostics);
  qvet::Circuit c;
  if (three)
    qvet::qasm3::parse(src, map, opt, sink, c);
  else
    qvet::qasm2::parse(src, map, opt, sink, c);
  return sink.has_errors() ? 0 : c.ops.size();
}

void run(benchmark::State& state, const std::string& src, bool three) {
  size_t n = 0;
  for (auto _ : state) {
    n = read(src, three);
    if (n == 0) {
      state.SkipWithError("the circuit did not load");
      return;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}

void BM_Lines(benchmark::State& state) {
  const bool three = state.range(1) != 0;
  run(state, lines(state.range(0), three), three);
}
BENCHMARK(BM_Lines)
    ->ArgNames({"lines", "qasm3"})
    ->ArgsProduct({{100'000, 1'000'000}, {0, 1}})
    ->Unit(benchmark::kMillisecond);

void BM_Corpus(benchmark::State& state) {
  std::ifstream in(std::string(QVET_SHARED_DIR) + "/corpus/qasmbench/large/square_root_n60/square_root_n60.qasm");
  if (!in) {
    state.SkipWithError("../shared/corpus is absent");
    return;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string src = ss.str();
  const bool three = state.range(0) != 0;
  if (three) src.replace(src.find("OPENQASM 2.0;"), 13, "OPENQASM 3.0;");
  run(state, src, three);
}
BENCHMARK(BM_Corpus)->ArgName("qasm3")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
