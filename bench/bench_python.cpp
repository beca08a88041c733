// The Python front end's interpreter beside the OpenQASM 2 parser (Google Benchmark; not a test).
//   build/bench/qvet_bench_python --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// BM_PythonLoop runs `for i in range(N): qc.h(i % n)`, the loop body the speed goal names,
// and counts iterations per second; BM_Qasm2Lines reads the same circuit written out as OpenQASM 2,
// one `h q[k];` line per gate, and counts gates per second. Both stop at the filled Circuit (no
// analysis, no hash), so the two rates compare the front ends alone. BM_Bound/<name> times each
// hostile program of bench/python_bounds.json until its bound stops it (labelled by name).
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "python/frontend.hpp"
#include "qasm2/parser.hpp"
#include "source/source_map.hpp"

namespace {

struct Loaded {
  size_t instructions = 0;
  bool errors = false;
};

Loaded load_python(const std::string& src, const qvet::Options& opt) {
  qvet::SourceMap map(src);
  qvet::DiagnosticSink sink(opt.limits.max_diagnostics);
  qvet::Circuit c;
  std::string name;
  qvet::python::parse(src, map, opt, sink, c, &name);
  return {c.ops.size(), sink.has_errors()};
}

void BM_PythonLoop(benchmark::State& state) {
  const std::string src = "from qiskit import QuantumCircuit\nn = 5\nqc = QuantumCircuit(n)\nfor i in range(" +
                          std::to_string(state.range(0)) + "):\n    qc.h(i % n)\n";
  const qvet::Options opt;
  for (auto _ : state) {
    const Loaded l = load_python(src, opt);
    if (l.errors || l.instructions != static_cast<size_t>(state.range(0))) {
      state.SkipWithError("the loop did not load");
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_PythonLoop)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// An empty loop body: the cost of an iteration itself.
void BM_PythonEmptyLoop(benchmark::State& state) {
  const std::string src = "x = 0\nfor i in range(" + std::to_string(state.range(0)) + "):\n    pass\n";
  const qvet::Options opt;
  for (auto _ : state) benchmark::DoNotOptimize(load_python(src, opt));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_PythonEmptyLoop)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_Qasm2Lines(benchmark::State& state) {
  std::string src = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[5];\n";
  for (int64_t i = 0; i < state.range(0); ++i) src += "h q[" + std::to_string(i % 5) + "];\n";
  const qvet::Options opt;
  for (auto _ : state) {
    qvet::SourceMap map(src);
    qvet::DiagnosticSink sink(opt.limits.max_diagnostics);
    qvet::Circuit c;
    qvet::qasm2::parse(src, map, opt, sink, c);
    benchmark::DoNotOptimize(c.ops.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Qasm2Lines)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The hostile programs of bench/python_bounds.json: each must end in its error, fast. One
// benchmark, its argument the program's index, its label the program's name.
struct Hostile {
  std::string name, code;
};
const std::vector<Hostile>& hostile_programs() {
  static const std::vector<Hostile> programs = [] {
    std::vector<Hostile> out;
    std::ifstream in(std::string(QVET_BENCH_DIR) + "/python_bounds.json");
    if (!in) return out;
    const nlohmann::json doc = nlohmann::json::parse(in);  // named: the loop below reads into it
    for (const auto& p : doc.at("programs"))
      out.push_back({p.at("name").get<std::string>(), p.at("code").get<std::string>()});
    return out;
  }();
  return programs;
}

void BM_Bound(benchmark::State& st) {
  const Hostile& p = hostile_programs().at(static_cast<size_t>(st.range(0)));
  st.SetLabel(p.name);
  const qvet::Options opt;
  for (auto _ : st)
    if (!load_python(p.code, opt).errors) {
      st.SkipWithError("the program was not stopped");
      return;
    }
}
BENCHMARK(BM_Bound)
    ->Apply([](benchmark::internal::Benchmark* b) {
      for (size_t i = 0; i < hostile_programs().size(); ++i) b->Arg(static_cast<int64_t>(i));
    })
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
