// The backend check's cost (Google Benchmark; not a test).
//   build/bench/qvet_bench_backend --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// BM_Validate vs BM_ValidateOnEagle: a 127-qubit, 10,000-gate circuit validated without and with
// the whole check against the Eagle r3 profile (fit, translation, connectivity, layout search,
// duration, success), in one run; the difference is the check. BM_LayoutChain: the layout search
// alone for a chain of n interacting qubits under scrambled labels (as written it needs SWAPs, a
// path of n exists on heavy-hex), with the candidate checks it took as a counter.
#include <benchmark/benchmark.h>

#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "backend/backend.hpp"
#include "backend/layout.hpp"
#include "qvet.hpp"

namespace {

// 10,000 gates on 127 qubits: h, rz, sx on random qubits and cx on random pairs, so the
// interaction graph is dense (the layout search ends at its degree test) and every rule runs.
const std::string& circuit_127() {
  static const std::string s = [] {
    std::string out = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[127];\ncreg c[127];\n";
    uint32_t x = 2024;
    for (int i = 0; i < 10000; ++i) {
      x = x * 1664525u + 1013904223u;
      const uint32_t a = (x >> 8) % 127, b = ((x >> 20) % 126 + a + 1) % 127;
      switch (i % 4) {
        case 0: out += "h q[" + std::to_string(a) + "];\n"; break;
        case 1: out += "rz(0.3) q[" + std::to_string(a) + "];\n"; break;
        case 2: out += "cx q[" + std::to_string(a) + "], q[" + std::to_string(b) + "];\n"; break;
        default: out += "sx q[" + std::to_string(b) + "];\n"; break;
      }
    }
    return out + "measure q -> c;\n";
  }();
  return s;
}

void BM_Validate(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(qvet::validate(circuit_127()));
}
BENCHMARK(BM_Validate)->Unit(benchmark::kMillisecond);

void BM_ValidateOnEagle(benchmark::State& state) {
  qvet::Options opt;
  opt.backend = "ibm_brisbane";
  for (auto _ : state) benchmark::DoNotOptimize(qvet::validate(circuit_127(), opt));
}
BENCHMARK(BM_ValidateOnEagle)->Unit(benchmark::kMillisecond);

// A chain 0-1-...-(n-1) with its labels scrambled, embedded into the Eagle graph.
void BM_LayoutChain(benchmark::State& state) {
  const uint32_t n = static_cast<uint32_t>(state.range(0));
  std::vector<uint32_t> label(n);
  std::iota(label.begin(), label.end(), 0u);
  uint32_t x = 7;
  for (uint32_t i = n; i > 1; --i) {
    x = x * 1664525u + 1013904223u;
    std::swap(label[i - 1], label[(x >> 8) % i]);
  }
  std::vector<qvet::backend::Edge> chain;
  for (uint32_t i = 0; i + 1 < n; ++i)
    chain.emplace_back(std::min(label[i], label[i + 1]), std::max(label[i], label[i + 1]));
  const auto pattern = qvet::backend::Graph::from_edges(n, chain);
  const auto target = qvet::backend::Graph::from_edges(127, qvet::backend::eagle_127());
  qvet::backend::LayoutResult r;
  for (auto _ : state) {
    r = qvet::backend::find_layout(pattern, target, 2'000'000);
    benchmark::DoNotOptimize(r);
  }
  state.counters["steps"] = static_cast<double>(r.steps);
  state.counters["found"] = r.status == qvet::backend::LayoutResult::Found;
}
BENCHMARK(BM_LayoutChain)->Arg(10)->Arg(20)->Arg(40)->Arg(60)->Arg(80)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
