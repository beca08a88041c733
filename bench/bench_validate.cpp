// Parse + analyze throughput in gates per second (Google Benchmark; not a test).
//   build/bench/qvet_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// Generated circuits of 10^4..10^6 gates show the cost is linear in size; the largest QASMBench
// files (when ../shared is present) show it on real input. Each run also times SHA-256 alone,
// since circuit_hash is part of every validation.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analysis.hpp"
#include "qasm2/parser.hpp"
#include "qvet.hpp"
#include "source/source_map.hpp"
#include "util/sha256.hpp"

namespace {

// A random-looking but fixed circuit over 64 qubits: h, rz(angle), cx, x in turn.
const std::string& generated(int64_t gates) {
  static std::map<int64_t, std::string> cache;
  auto it = cache.find(gates);
  if (it != cache.end()) return it->second;
  std::string s = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[64];\ncreg c[64];\n";
  uint32_t x = 12345;
  for (int64_t i = 0; i < gates; ++i) {
    x = x * 1664525u + 1013904223u;
    int a = static_cast<int>(x >> 26), b = static_cast<int>((x >> 20) & 63);
    if (a == b) b = (b + 1) & 63;
    switch (i % 4) {
      case 0: s += "h q[" + std::to_string(a) + "];\n"; break;
      case 1: s += "rz(0.125) q[" + std::to_string(b) + "];\n"; break;
      case 2: s += "cx q[" + std::to_string(a) + "], q[" + std::to_string(b) + "];\n"; break;
      default: s += "x q[" + std::to_string(b) + "];\n"; break;
    }
  }
  return cache.emplace(gates, std::move(s)).first->second;
}

// The default limits stop at 5 M instructions and 64 MiB of source: the 10^7-gate point of the
// linearity table raises them, as a user validating such a file would.
qvet::Options options_for(int64_t gates) {
  qvet::Options opt;
  if (gates > 1'000'000) {
    opt.limits.max_instructions = 2 * static_cast<uint64_t>(gates);
    opt.limits.max_source_bytes = 1ull << 30;
  }
  return opt;
}

void run(benchmark::State& state, const std::string& src, const qvet::Options& opt = {}) {
  uint64_t gates = 0;
  for (auto _ : state) {
    qvet::Report r = qvet::validate(src, opt);
    if (!r.valid) {
      state.SkipWithError("circuit did not validate");
      return;
    }
    gates = r.gates;
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * gates));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * src.size()));
  state.counters["gates"] = static_cast<double>(gates);
}

void BM_ValidateGenerated(benchmark::State& state) {
  run(state, generated(state.range(0)), options_for(state.range(0)));
}
// The linearity table's sizes, for every generated-circuit benchmark.
void sizes(benchmark::internal::Benchmark* b) {
  for (int64_t gates = 1'000; gates <= 10'000'000; gates *= 10) b->Arg(gates);
  b->Unit(benchmark::kMillisecond);
}
BENCHMARK(BM_ValidateGenerated)->Apply(sizes);

// The front end and the analysis alone: what the gates/s goal is about. validate() adds the
// SHA-256 of the source, the lints and the report around this.
void BM_ParseAnalyze(benchmark::State& state) {
  const std::string& src = generated(state.range(0));
  const qvet::Options opt = options_for(state.range(0));
  uint64_t gates = 0;
  double bytes = 0;
  for (auto _ : state) {
    qvet::SourceMap map(src);
    qvet::DiagnosticSink sink(opt.limits.max_diagnostics);
    qvet::Circuit c;
    qvet::qasm2::parse(src, map, opt, sink, c);
    auto a = qvet::analysis::analyze(c, false);
    gates = a.instructions;
    // The circuit model's memory per instruction: the instruction list as allocated, its qubit
    // and parameter pools as filled (the source text is the caller's; the source map indexes
    // lines only when a span is asked for).
    bytes = static_cast<double>(c.ops.capacity() * sizeof(qvet::Instruction) + c.qubit_pool.size() * sizeof(uint32_t) +
                                c.param_pool.size() * sizeof(double));
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * gates));
  state.counters["bytes_per_instruction"] = gates ? bytes / static_cast<double>(gates) : 0;
}
BENCHMARK(BM_ParseAnalyze)->Apply(sizes);

void BM_Sha256Only(benchmark::State& state) {
  const std::string& src = generated(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(qvet::sha256_hex(src));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * src.size()));
}
BENCHMARK(BM_Sha256Only)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The largest valid files of the corpus, registered at start-up when ../shared is present.
void register_corpus() {
  const std::string root = std::string(QVET_SHARED_DIR) + "/corpus/qasmbench/";
  std::ifstream index(root + "index.tsv");
  if (!index) return;
  std::vector<std::pair<long, std::string>> files;
  std::string line;
  std::getline(index, line);
  while (std::getline(index, line)) {
    std::istringstream cols(line);
    std::vector<std::string> c;
    for (std::string f; std::getline(cols, f, '\t');) c.push_back(f);
    if (c.size() >= 6) files.push_back({std::stol(c[5]), c[0]});
  }
  std::sort(files.rbegin(), files.rend());
  int taken = 0;
  for (const auto& [bytes, path] : files) {
    std::ifstream in(root + path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    auto* src = new std::string(ss.str());  // lives for the whole run
    if (!qvet::validate(*src).valid) continue;
    benchmark::RegisterBenchmark(("BM_ValidateCorpus/" + path).c_str(), [src](benchmark::State& st) {
      run(st, *src);
    })->Unit(benchmark::kMillisecond);
    if (++taken == 4) break;
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_corpus();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
