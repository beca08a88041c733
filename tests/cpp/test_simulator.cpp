// The statevector simulator: analytic states, measurement semantics, seeded counts, limits,
// unitaries and equivalence, and the small corpus circuits.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>

#include "helpers.hpp"
#include "sim/pool.hpp"
#include "sim/random.hpp"

using namespace qvet;
using namespace qvet::test;

namespace {
Report run_sim(const std::string& src, const SimOptions& s = {}) { return simulate(src, Options{}, s); }

SimOptions with_state() {
  SimOptions s;
  s.statevector = true;
  return s;
}

uint64_t count(const Report& r, const std::string& key) {
  for (const auto& [k, v] : r.simulation.counts)
    if (k == key) return v;
  return 0;
}

double prob(const Report& r, const std::string& key) {
  for (const auto& [k, v] : r.simulation.probabilities)
    if (k == key) return v;
  return -1;
}
}  // namespace

TEST_CASE("Bell state: amplitudes, probabilities, about 50/50 counts", "[sim]") {
  Report r = run_sim(prog("qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n"), with_state());
  INFO(dump(r));
  REQUIRE(r.simulation.ok);
  CHECK(r.simulation.method == "sampling");
  const auto& sv = r.simulation.statevector;
  REQUIRE(sv.size() == 4);
  CHECK(std::abs(sv[0] - std::complex<double>(M_SQRT1_2, 0)) < 1e-12);
  CHECK(std::abs(sv[1]) < 1e-12);
  CHECK(std::abs(sv[2]) < 1e-12);
  CHECK(std::abs(sv[3] - std::complex<double>(M_SQRT1_2, 0)) < 1e-12);
  CHECK(prob(r, "00") == Approx(0.5));
  CHECK(prob(r, "11") == Approx(0.5));
  CHECK(count(r, "00") + count(r, "11") == 1024);
  CHECK(count(r, "00") > 412);
  CHECK(count(r, "11") > 412);
}

TEST_CASE("the same seed gives the same counts, and pinned values guard the generator", "[sim][seed]") {
  const std::string bell = prog("qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n");
  SimOptions s;
  s.seed = 42;
  s.shots = 1000;
  Report a = run_sim(bell, s), b = run_sim(bell, s);
  CHECK(a.simulation.counts == b.simulation.counts);
  // Fixed expected values: these change only if the generator or the sampling method changes,
  // which would break "same seed, same counts on every platform".
  CHECK(count(a, "00") == 506);
  CHECK(count(a, "11") == 494);
  qvet::sim::Random rng(42);
  CHECK(rng.next() == 0x15780b2e0c2ec716ull);  // xoshiro256** from splitmix64(42), checked independently
  s.seed = 43;
  CHECK(run_sim(bell, s).simulation.counts != a.simulation.counts);
}

TEST_CASE("GHZ and QFT of a basis state", "[sim]") {
  Report ghz = run_sim(prog("qreg q[3];\nh q[0];\ncx q[0], q[1];\ncx q[1], q[2];\n"), with_state());
  REQUIRE(ghz.simulation.ok);
  CHECK(ghz.simulation.measured_all);
  CHECK(prob(ghz, "000") == Approx(0.5));
  CHECK(prob(ghz, "111") == Approx(0.5));
  CHECK(prob(ghz, "010") == Approx(0).margin(1e-15));
  // QFT of |x> gives amplitudes e^{2 pi i x k / 8} / sqrt(8) (with the final swaps, Qiskit's order).
  const int x = 5;
  std::string qft = prog(
      "qreg q[3];\nx q[0];\nx q[2];\n"
      "h q[2];\ncp(pi/2) q[1], q[2];\ncp(pi/4) q[0], q[2];\n"
      "h q[1];\ncp(pi/2) q[0], q[1];\nh q[0];\nswap q[0], q[2];\n");
  Report r = run_sim(qft, with_state());
  REQUIRE(r.simulation.ok);
  for (int k = 0; k < 8; ++k) {
    INFO(k);
    std::complex<double> want = std::polar(1 / std::sqrt(8.0), 2 * M_PI * x * k / 8);
    CHECK(std::abs(r.simulation.statevector[k] - want) < 1e-12);
  }
}

TEST_CASE("teleportation with if: the output qubit carries the input state", "[sim][trajectories]") {
  // Input state ry(1.2)|0>: P(1) = sin^2(0.6) = 0.3188.
  std::string src = prog(
      "qreg q[3];\ncreg c0[1];\ncreg c1[1];\ncreg out[1];\nry(1.2) q[0];\nh q[1];\n"
      "cx q[1], q[2];\ncx q[0], q[1];\nh q[0];\nmeasure q[0] -> c0[0];\nmeasure q[1] -> c1[0];\n"
      "if (c0 == 1) z q[2];\nif (c1 == 1) x q[2];\nmeasure q[2] -> out[0];\n");
  SimOptions s;
  s.shots = 4000;
  s.seed = 7;
  Report r = run_sim(src, s);
  INFO(dump(r));
  REQUIRE(r.simulation.ok);
  CHECK(r.simulation.method == "trajectories");
  CHECK_FALSE(r.simulation.has_probabilities);
  uint64_t ones = 0, total = 0;
  for (const auto& [k, v] : r.simulation.counts) {
    REQUIRE(k.size() == 5);  // "out c1 c0"
    total += v;
    if (k[0] == '1') ones += v;
  }
  CHECK(total == 4000);
  CHECK(static_cast<double>(ones) / 4000 == Approx(std::pow(std::sin(0.6), 2)).margin(0.03));
}

TEST_CASE("reset returns a qubit to |0>, mid-circuit measurement collapses", "[sim][trajectories]") {
  Report r = run_sim(prog("qreg q[2];\ncreg c[2];\nx q;\nreset q[0];\nmeasure q -> c;\n"));
  REQUIRE(r.simulation.ok);
  CHECK(count(r, "10") == 1024);
  // Measure then measure again: the second read repeats the first.
  Report m = run_sim(
      prog("qreg q[1];\ncreg a[1];\ncreg b[1];\nh q[0];\nmeasure q[0] -> a[0];\nx q[0];\nmeasure q[0] -> b[0];\n"));
  REQUIRE(m.simulation.ok);
  CHECK(count(m, "1 0") + count(m, "0 1") == 1024);
  CHECK(count(m, "1 0") > 400);
}

TEST_CASE("counts keys follow Qiskit: registers last-first with spaces, clbit 0 rightmost", "[sim]") {
  Report r =
      run_sim(prog("qreg q[3];\ncreg a[1];\ncreg b[2];\nx q[1];\nmeasure q[0] -> a[0];\nmeasure q[1] -> b[0];\nmeasure "
                   "q[2] -> b[1];\n"));
  REQUIRE(r.simulation.ok);
  REQUIRE(r.simulation.counts.size() == 1);
  CHECK(r.simulation.counts[0].first == "01 0");
}

TEST_CASE("custom gates run through their definitions with bound parameters", "[sim]") {
  std::string src = prog(
      "gate rot(a, b) q { ry(a) q; rz(b) q; }\ngate pair(t) a, b { rot(t, t/2) a; cx a, b; }\n"
      "qreg q[2];\npair(1.0) q[0], q[1];\n");
  std::string flat = prog("qreg q[2];\nry(1.0) q[0];\nrz(0.5) q[0];\ncx q[0], q[1];\n");
  Report a = run_sim(src, with_state()), b = run_sim(flat, with_state());
  REQUIRE(a.simulation.ok);
  for (size_t i = 0; i < 4; ++i) CHECK(std::abs(a.simulation.statevector[i] - b.simulation.statevector[i]) < 1e-12);
}

TEST_CASE("fusion does not change the state", "[sim][fusion]") {
  // Many 1-qubit gates around 2-qubit gates, against the unfused unitary route.
  std::string src = prog(
      "qreg q[3];\nh q[0];\nt q[0];\nsx q[1];\ncz q[0], q[1];\nrx(0.2) q[0];\nry(0.3) q[1];\n"
      "cx q[1], q[2];\ns q[2];\nrzz(0.4) q[0], q[2];\nh q[2];\ncu3(0.1,0.2,0.3) q[2], q[0];\n"
      "u(0.5,0.6,0.7) q[0];\nswap q[0], q[1];\nccx q[0], q[1], q[2];\ny q[1];\n");
  Report r = run_sim(src, with_state());
  UnitaryResult u = unitary(src);
  REQUIRE(r.simulation.ok);
  REQUIRE(u.ok);
  for (size_t i = 0; i < 8; ++i) CHECK(std::abs(r.simulation.statevector[i] - u.matrix[i * 8]) < 1e-12);
}

TEST_CASE("expectation values of Pauli strings", "[sim]") {
  SimOptions s;
  s.paulis = {"ZZ", "XX", "ZI", "YY", "IX"};
  Report r = run_sim(prog("qreg q[2];\nh q[0];\ncx q[0], q[1];\n"), s);
  REQUIRE(r.simulation.ok);
  REQUIRE(r.simulation.expectation_values.size() == 5);
  CHECK(r.simulation.expectation_values[0].second == Approx(1));
  CHECK(r.simulation.expectation_values[1].second == Approx(1));
  CHECK(r.simulation.expectation_values[2].second == Approx(0).margin(1e-12));
  CHECK(r.simulation.expectation_values[3].second == Approx(-1));
  // |+> on qubit 0 only: <IX> reads qubit 0 (rightmost letter).
  SimOptions x;
  x.paulis = {"IX", "XI"};
  Report p = run_sim(prog("qreg q[2];\nh q[0];\n"), x);
  CHECK(p.simulation.expectation_values[0].second == Approx(1));
  CHECK(p.simulation.expectation_values[1].second == Approx(0).margin(1e-12));
  SimOptions bad;
  bad.paulis = {"ZQ"};
  Report e = run_sim(prog("qreg q[2];\nh q[0];\n"), bad);
  CHECK_FALSE(e.simulation.ok);
  CHECK(e.simulation.error.code == "E506");
}

TEST_CASE("limits: qubit cap and memory budget refuse before allocating", "[sim][limits]") {
  Report big = run_sim(prog("qreg q[29];\nh q;\n"));
  CHECK(big.valid);
  CHECK_FALSE(big.simulation.ok);
  CHECK(big.simulation.error.code == "E502");
  CHECK(big.simulation.error.message.find("capped at " + std::to_string(kDefaultSimQubits)) != std::string::npos);
  SimOptions small;
  small.max_memory_bytes = 1 << 20;  // 1 MiB: 16 qubits need exactly 1 MiB, 17 do not fit
  CHECK(run_sim(prog("qreg q[16];\nh q;\n"), small).simulation.ok);
  Report over = run_sim(prog("qreg q[17];\nh q;\n"), small);
  CHECK(over.simulation.error.code == "E503");
  SimOptions shots;
  shots.shots = 20'000'000;
  CHECK(run_sim(prog("qreg q[1];\nh q;\n"), shots).simulation.error.code == "E504");
  SimOptions traj;
  traj.shots = 100000;
  traj.max_trajectory_work = 1'000'000;
  CHECK(run_sim(prog("qreg q[10];\ncreg c[1];\nh q;\nmeasure q[0] -> c[0];\nh q[0];\n"), traj).simulation.error.code ==
        "E505");
}

TEST_CASE("opaque gates cannot be simulated: the error names the gate and its line", "[sim]") {
  Report r = run_sim(prog("opaque magic a;\nqreg q[1];\nh q[0];\nmagic q[0];\n"));
  CHECK(r.valid);
  CHECK_FALSE(r.simulation.ok);
  CHECK(r.simulation.error.code == "E501");
  CHECK(r.simulation.error.message.find("'magic'") != std::string::npos);
  CHECK(r.simulation.error.message.find("line 3") != std::string::npos);
  CHECK(r.simulation.error.span.line == 6);
}

TEST_CASE("probabilities: all of them up to the limit, the top k beyond", "[sim]") {
  SimOptions s;
  s.all_probabilities_up_to = 3;
  s.top_k = 2;
  Report r = run_sim(prog("qreg q[4];\nry(0.5) q[0];\nx q[3];\n"), s);
  REQUIRE(r.simulation.ok);
  CHECK(r.simulation.probabilities_truncated);
  REQUIRE(r.simulation.probabilities.size() == 2);
  CHECK(r.simulation.probabilities[0].first == "1000");
  CHECK(r.simulation.probabilities[0].second == Approx(std::pow(std::cos(0.25), 2)));
  CHECK(r.simulation.probabilities[1].first == "1001");
}

TEST_CASE("a 22-qubit circuit simulates", "[sim][large]") {
  SimOptions s;
  s.shots = 100;
  Report r = run_sim(prog("qreg q[22];\ncreg c[22];\nh q[0];\n" +
                          [] {
                            std::string s;
                            for (int i = 0; i < 21; ++i)
                              s += "cx q[" + std::to_string(i) + "], q[" + std::to_string(i + 1) + "];\n";
                            return s;
                          }() +
                          "measure q -> c;\n"),
                     s);
  REQUIRE(r.simulation.ok);
  CHECK(count(r, std::string(22, '0')) + count(r, std::string(22, '1')) == 100);
}

TEST_CASE("unitary and equivalence up to global phase", "[sim][unitary]") {
  const std::string head = prog("qreg q[2];\n");
  Equivalence e = equivalent(head + "h q[1];\ncz q[0], q[1];\nh q[1];\n", head + "cx q[0], q[1];\n");
  CHECK(e.ok);
  CHECK(e.equivalent);
  CHECK(e.max_deviation < 1e-12);
  Equivalence phase = equivalent(head + "rz(0.8) q[0];\n", head + "u1(0.8) q[0];\n");
  CHECK(phase.equivalent);
  CHECK(phase.global_phase == Approx(0.4));
  Equivalence differ = equivalent(head + "x q[0];\n", head + "y q[0];\nz q[0];\n");
  CHECK(differ.equivalent);  // Y Z = iX
  Equivalence no = equivalent(head + "x q[0];\n", head + "x q[1];\n");
  CHECK(no.ok);
  CHECK_FALSE(no.equivalent);
  Equivalence sizes = equivalent(head + "x q[0];\n", prog("qreg q[3];\nx q[0];\n"));
  CHECK_FALSE(sizes.ok);
  CHECK(sizes.error.code == "E512");
  CHECK(sizes.error.message == "the circuits act on different numbers of qubits (2 and 3)");
  Equivalence measured = equivalent(prog("qreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\n"), head);
  CHECK_FALSE(measured.ok);
  CHECK(measured.error.code == "E510");
  CHECK(measured.error.message.find("first circuit: the circuit measures") == 0);
  CHECK(measured.error.span.line == 5);  // the measure statement, as a report's diagnostic would point
  // An invalid circuit: the error is the report's own first error, with its code and place.
  Equivalence invalid = equivalent(head, head + "foo q[0];\n");
  CHECK_FALSE(invalid.ok);
  CHECK(invalid.error.code == "E305");
  CHECK(invalid.error.span.line == 4);
  CHECK(invalid.error.message.find("second circuit: unknown gate 'foo'") == 0);
  UnitaryResult big = unitary(prog("qreg q[11];\n"));
  CHECK_FALSE(big.ok);
  CHECK(big.error.code == "E511");
  CHECK(big.error.span.line == 3);
  // The same shape in JSON as a report's diagnostics.
  CHECK(to_json(sizes) ==
        "{\"ok\":false,\"equivalent\":false,\"global_phase\":0.0,\"max_deviation\":0.0,"
        "\"error\":{\"severity\":\"error\",\"code\":\"E512\",\"message\":\"the circuits act on "
        "different numbers of qubits (2 and 3)\",\"line\":1,\"column\":1,\"end_line\":1,"
        "\"end_column\":1,\"offset\":0,\"length\":0}}");
  CHECK(to_json(e).find("\"error\":null") != std::string::npos);
}

TEST_CASE("simulation section in the JSON report", "[sim][report]") {
  SimOptions s;
  s.shots = 10;
  std::string j = to_json(run_sim(prog("qreg q[1];\ncreg c[1];\nx q[0];\nmeasure q[0] -> c[0];\n"), s));
  CHECK(j.find("\"simulation\":{\"ok\":true,\"method\":\"sampling\",\"precision\":\"double\",\"threads\":1,\"qubits\":"
               "1,\"shots\":10") != std::string::npos);
  CHECK(j.find("\"counts\":{\"1\":10}") != std::string::npos);
  CHECK(j.find("\"probabilities\":{\"0\":0.0,\"1\":1.0}") != std::string::npos);
}

TEST_CASE("small corpus circuits simulate without error", "[sim][corpus]") {
  const std::string root = std::string(QVET_SHARED_DIR) + "/corpus/qasmbench/";
  std::ifstream index(root + "index.tsv");
  if (!index) {
    QVET_SKIP(root << " is absent");
  }
  std::string line;
  std::getline(index, line);
  int ran = 0;
  while (std::getline(index, line)) {
    std::string path = line.substr(0, line.find('\t'));
    if (path.rfind("small/", 0) != 0) continue;
    std::ifstream in(root + path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    SimOptions s;
    s.shots = 64;
    Report r = simulate(ss.str(), Options{}, s);
    if (!r.valid) continue;  // the corpus's few invalid files are covered by test_corpus
    INFO(path << ": " << r.simulation.error.message);
    CHECK(r.simulation.ok);
    uint64_t total = 0;
    for (const auto& [k, v] : r.simulation.counts) total += v;
    CHECK(total == 64);
    ++ran;
  }
  CHECK(ran >= 30);
}

namespace {
// A random circuit over n qubits mixing every kind the fuser meets: 1- and 2-qubit gates,
// diagonal ones, 3-qubit gates (a block by themselves), a multi-controlled X wider than a block.
std::string random_circuit(unsigned n, unsigned gates, uint32_t seed) {
  std::string s = "qreg q[" + std::to_string(n) + "];\n";
  uint32_t x = seed;
  auto next = [&](uint32_t mod) {
    x = x * 1664525u + 1013904223u;
    return (x >> 8) % mod;
  };
  auto distinct = [&](unsigned k) {
    std::vector<unsigned> q;
    while (q.size() < k) {
      const unsigned v = next(n);
      if (std::find(q.begin(), q.end(), v) == q.end()) q.push_back(v);
    }
    return q;
  };
  auto qs = [&](const std::vector<unsigned>& q) {
    std::string t;
    for (unsigned v : q) t += (t.empty() ? "q[" : ", q[") + std::to_string(v) + "]";
    return t + ";\n";
  };
  const char* one[] = {"h", "t", "sx", "x", "s", "sdg"};
  for (unsigned g = 0; g < gates; ++g) {
    const double angle = 0.1 + 0.37 * next(17);
    switch (next(9)) {
      case 0: s += std::string(one[next(6)]) + " " + qs(distinct(1)); break;
      case 1: s += "rx(" + std::to_string(angle) + ") " + qs(distinct(1)); break;
      case 2: s += "cx " + qs(distinct(2)); break;
      case 3: s += "cz " + qs(distinct(2)); break;
      case 4: s += "rzz(" + std::to_string(angle) + ") " + qs(distinct(2)); break;
      case 5: s += "swap " + qs(distinct(2)); break;
      case 6: s += "ccx " + qs(distinct(3)); break;
      case 7: s += "cswap " + qs(distinct(3)); break;
      default: s += n >= 5 ? "c3x " + qs(distinct(4)) : "y " + qs(distinct(1)); break;
    }
  }
  return prog(s);
}
}  // namespace

TEST_CASE("blocks of up to three qubits keep the state: random circuits against the unfused unitary", "[sim][fusion]") {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    const std::string src = random_circuit(7, 60, seed);
    INFO(src);
    const Report r = run_sim(src, with_state());
    const UnitaryResult u = unitary(src);
    REQUIRE(r.simulation.ok);
    REQUIRE(u.ok);
    double worst = 0;
    for (size_t i = 0; i < 128; ++i) worst = std::max(worst, std::abs(r.simulation.statevector[i] - u.matrix[i * 128]));
    CHECK(worst < 1e-12);
  }
}

TEST_CASE("single precision agrees with double to float accuracy, in half the memory", "[sim][precision]") {
  const std::string src = random_circuit(12, 200, 7);
  SimOptions d = with_state(), s = with_state();
  d.max_statevector_qubits = s.max_statevector_qubits = 12;
  s.precision = Precision::Single;
  const Report rd = run_sim(src, d), rs = run_sim(src, s);
  REQUIRE(rd.simulation.ok);
  REQUIRE(rs.simulation.ok);
  CHECK(rd.simulation.precision == "double");
  CHECK(rs.simulation.precision == "single");
  double worst = 0, norm = 0;
  for (size_t i = 0; i < rd.simulation.statevector.size(); ++i) {
    worst = std::max(worst, std::abs(rd.simulation.statevector[i] - rs.simulation.statevector[i]));
    norm += std::norm(rs.simulation.statevector[i]);
  }
  CHECK(worst < 1e-5);
  CHECK(worst > 0);  // it did run in single precision
  CHECK(norm == Approx(1.0).epsilon(1e-5));
  // The budget counts 8 bytes an amplitude: 20 qubits fit in 8 MiB only in single precision.
  SimOptions tight;
  tight.max_memory_bytes = 8u << 20;
  const std::string wide = prog("qreg q[20];\nh q[0];\n");
  CHECK(run_sim(wide, tight).simulation.error.code == "E503");
  tight.precision = Precision::Single;
  CHECK(run_sim(wide, tight).simulation.ok);
}

TEST_CASE("the number of threads changes no amplitude, in either precision", "[sim][threads]") {
  // 16 qubits: the pool is used from there on, and the report still lists the amplitudes.
  const std::string src = random_circuit(16, 150, 11);
  for (Precision p : {Precision::Double, Precision::Single}) {
    SimOptions one = with_state();
    one.precision = p;
    one.threads = 1;
    const Report base = run_sim(src, one);
    REQUIRE(base.simulation.ok);
    for (unsigned t : {2u, 3u, 0u}) {
      INFO("threads " << t);
      SimOptions many = one;
      many.threads = t;
      const Report r = run_sim(src, many);
      REQUIRE(r.simulation.ok);
      CHECK(r.simulation.statevector == base.simulation.statevector);
      CHECK(r.simulation.counts == base.simulation.counts);
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
      const unsigned expect = 1;  // a build without threads runs every part on the calling thread
#else
      const unsigned expect = t ? t : sim::Pool::available();
#endif
      CHECK(r.simulation.threads == expect);
    }
    CHECK(base.simulation.threads == 1);
  }
  // Below 16 qubits the state fits in cache: one thread, whatever was asked.
  SimOptions small;
  small.threads = 4;
  CHECK(run_sim(random_circuit(8, 40, 3), small).simulation.threads == 1);
}

namespace {
// The fractions a simulation reports, and whether every one came on the calling thread.
struct Told {
  std::vector<double> fractions;
  bool other_thread = false;
};
Report run_with_progress(const std::string& src, SimOptions opt, Told& told) {
  const std::thread::id caller = std::this_thread::get_id();
  opt.progress = [&told, caller](double f) {
    told.fractions.push_back(f);
    told.other_thread |= std::this_thread::get_id() != caller;
  };
  return run_sim(src, opt);
}
}  // namespace

TEST_CASE("progress rises to 1 in at most ~100 steps, on the calling thread, and changes no result",
          "[sim][progress]") {
  // Sampling (terminal measurements), on threads, and trajectories (a mid-circuit measurement).
  const std::string sampled = random_circuit(18, 400, 5);
  const std::string mid = prog(
      "qreg q[3];\ncreg c[3];\nh q[0];\nmeasure q[0] -> c[0];\nif (c == 1) x q[1];\n"
      "cx q[1], q[2];\nmeasure q -> c;\n");
  for (const std::string* src : {&sampled, &mid}) {
    SimOptions opt;
    opt.threads = 2;
    opt.shots = 500;
    Told told;
    const Report r = run_with_progress(*src, opt, told);
    REQUIRE(r.simulation.ok);
    REQUIRE(told.fractions.size() >= 2);  // some step before the end, then the end
    CHECK(told.fractions.size() <= 101);
    CHECK(std::is_sorted(told.fractions.begin(), told.fractions.end()));
    CHECK(told.fractions.front() > 0);
    CHECK(told.fractions.back() == 1.0);
    CHECK_FALSE(told.other_thread);
    CHECK(run_sim(*src, opt).simulation.counts == r.simulation.counts);
  }
  // A run that fails reports no end.
  Told failed;
  SimOptions tiny;
  tiny.max_qubits = 2;
  CHECK_FALSE(run_with_progress(sampled, tiny, failed).simulation.ok);
  CHECK(failed.fractions.empty());
}
