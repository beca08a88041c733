// Simulator throughput (Google Benchmark; not a test).
//   build/bench/qvet_bench_sim --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
// Per-gate kernels for n = 10..26 qubits, reported as effective bandwidth (every amplitude read
// and written once: 2 x 16 x 2^n bytes a gate) beside a STREAM-style copy of the same bytes
// measured in the same run; then whole circuits end to end through qvet::simulate().
#include <benchmark/benchmark.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "qvet.hpp"
#include "sim/kernels.hpp"

namespace {

using qvet::sim::cd;

std::vector<cd> state(unsigned n) {
  std::vector<cd> v(size_t{1} << n, cd(0));
  v[0] = 1;
  return v;
}

void report_bytes(benchmark::State& st, unsigned n) {
  st.SetBytesProcessed(static_cast<int64_t>(st.iterations()) * 2 * 16 * (int64_t{1} << n));
}

// STREAM "copy": a[i] = b[i] over 2^n complex doubles (read 16 bytes, write 16 bytes each).
void BM_Copy(benchmark::State& st) {
  const unsigned n = static_cast<unsigned>(st.range(0));
  std::vector<cd> a = state(n), b = state(n);
  for (auto _ : st) {
    std::memcpy(a.data(), b.data(), a.size() * sizeof(cd));
    benchmark::DoNotOptimize(a.data());
    benchmark::ClobberMemory();
  }
  report_bytes(st, n);
}

void BM_Gate1q(benchmark::State& st) {
  const unsigned n = static_cast<unsigned>(st.range(0));
  std::vector<cd> psi = state(n);
  const double r = 1 / std::sqrt(2.0);
  const qvet::sim::Mat2 h{{r, r, r, -r}};
  unsigned q = 0;
  for (auto _ : st) {
    qvet::sim::apply_1q(psi.data(), n, q, h);
    q = (q + 3) % n;  // low and high qubits alike
    benchmark::ClobberMemory();
  }
  report_bytes(st, n);
}

void BM_GateDiag1q(benchmark::State& st) {
  const unsigned n = static_cast<unsigned>(st.range(0));
  std::vector<cd> psi = state(n);
  unsigned q = 0;
  for (auto _ : st) {
    qvet::sim::apply_diag_1q(psi.data(), n, q, cd(1, 0), cd(0.6, 0.8));
    q = (q + 3) % n;
    benchmark::ClobberMemory();
  }
  report_bytes(st, n);
}

void BM_Gate2q(benchmark::State& st) {
  const unsigned n = static_cast<unsigned>(st.range(0));
  std::vector<cd> psi = state(n);
  qvet::sim::Mat4 m{};
  for (int i = 0; i < 16; ++i) m.m[i] = cd(0.25, 0.01 * i);
  unsigned q = 0;
  for (auto _ : st) {
    qvet::sim::apply_2q(psi.data(), n, q, (q + 1) % n, m);
    q = (q + 3) % n;
    benchmark::ClobberMemory();
  }
  report_bytes(st, n);
}

void BM_GateCX(benchmark::State& st) {
  const unsigned n = static_cast<unsigned>(st.range(0));
  std::vector<cd> psi = state(n);
  const qvet::sim::Mat2 x{{0, 1, 1, 0}};
  unsigned q = 0;
  for (auto _ : st) {
    qvet::sim::apply_controlled_1q(psi.data(), n, uint64_t{1} << q, (q + 1) % n, x);
    q = (q + 3) % n;
    benchmark::ClobberMemory();
  }
  report_bytes(st, n);
}

#define QVET_SIZES DenseRange(10, 26, 2)->Unit(benchmark::kMillisecond)
BENCHMARK(BM_Copy)->QVET_SIZES;
BENCHMARK(BM_Gate1q)->QVET_SIZES;
BENCHMARK(BM_GateDiag1q)->QVET_SIZES;
BENCHMARK(BM_Gate2q)->QVET_SIZES;
BENCHMARK(BM_GateCX)->QVET_SIZES;

// The random circuit of bench/random_circuit.py (same construction, generated here).
std::string random_circuit(unsigned n, unsigned cycles, bool measure) {
  std::mt19937 rng(1);  // only picks the circuit; its output need not be portable
  std::string s = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[" + std::to_string(n) + "];\n";
  if (measure) s += "creg c[" + std::to_string(n) + "];\n";
  for (unsigned i = 0; i < n; ++i) s += "h q[" + std::to_string(i) + "];\n";
  const char* one[] = {"t", "sx", "ry(pi/2)"};
  for (unsigned c = 0; c < cycles; ++c) {
    for (unsigned i = 0; i < n; ++i) s += std::string(one[rng() % 3]) + " q[" + std::to_string(i) + "];\n";
    for (unsigned i = c % 2; i + 1 < n; i += 2)
      s += "cz q[" + std::to_string(i) + "], q[" + std::to_string(i + 1) + "];\n";
  }
  if (measure) s += "measure q -> c;\n";
  return s;
}

void BM_SimulateRandom(benchmark::State& st) {
  const unsigned n = static_cast<unsigned>(st.range(0)), cycles = static_cast<unsigned>(st.range(1));
  const std::string src = random_circuit(n, cycles, true);
  qvet::SimOptions opt;
  opt.shots = 1000;
  uint64_t gates = 0;
  for (auto _ : st) {
    qvet::Report r = qvet::simulate(src, qvet::Options{}, opt);
    if (!r.simulation.ok) st.SkipWithError(r.simulation.error.message.c_str());
    gates = r.metrics.size;
  }
  st.counters["gates"] = static_cast<double>(gates);
}
BENCHMARK(BM_SimulateRandom)->Args({20, 20})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimulateRandom)->Args({24, 14})->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
