// The OpenQASM 3 front end against Qiskit's figures: what qiskit.qasm3.loads (Qiskit 1.0 with
// qiskit-qasm3-import) builds from each construct, read in their source (docs/research/
// qiskit-qasm3-import.md), and what QuantumCircuit.depth()/size()/count_ops() say of it. Where
// OpenQASM 2 can say the same, the two readers must agree exactly.
#include <catch2/catch.hpp>
#include <map>

#include "helpers.hpp"

using namespace qvet;
using namespace qvet::test;

namespace {

Report q3(const std::string& body, Options opt = {}) {
  opt.format = Format::Qasm3;
  return run("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" + body, opt);
}

std::map<std::string, uint64_t> counts_of(const Metrics& metrics) {
  std::map<std::string, uint64_t> m;
  for (const GateCount& g : metrics.gate_types) m[g.name] = g.count;
  return m;
}

std::map<std::string, uint64_t> counts(const Report& r) { return counts_of(r.metrics); }

// The figures both readers must agree on.
void same_figures(const Report& a, const Report& b) {
  INFO(errors_of(a) << "\n---\n" << errors_of(b));
  REQUIRE(a.valid);
  REQUIRE(b.valid);
  CHECK(a.qubits == b.qubits);
  CHECK(a.clbits == b.clbits);
  CHECK(a.metrics.depth == b.metrics.depth);
  CHECK(a.metrics.size == b.metrics.size);
  CHECK(a.gates == b.gates);
  CHECK(counts(a) == counts(b));
  CHECK(a.expanded.depth == b.expanded.depth);
  CHECK(a.expanded.size == b.expanded.size);
}

}  // namespace

TEST_CASE("qasm3: a file as qiskit.qasm3.dumps writes it has Qiskit's figures", "[qasm3]") {
  // test_custom_gate's expected text in Qiskit's exporter tests.
  const Report r =
      run("OPENQASM 3.0;\n"
          "include \"stdgates.inc\";\n"
          "gate composite_circ _gate_q_0, _gate_q_1 {\n"
          "  h _gate_q_0;\n"
          "  x _gate_q_1;\n"
          "  cx _gate_q_0, _gate_q_1;\n"
          "}\n"
          "bit[2] cr;\n"
          "qubit[2] qr;\n"
          "h qr[0];\n"
          "cx qr[0], qr[1];\n"
          "barrier qr[0], qr[1];\n"
          "composite_circ qr[0], qr[1];\n"
          "cr[0] = measure qr[0];\n"
          "cr[1] = measure qr[1];\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.format == "qasm3");
  CHECK(r.version == "3.0");
  CHECK(r.qubits == 2);
  CHECK(r.clbits == 2);
  CHECK(r.metrics.depth == 4);  // h, cx, composite_circ, measure (the barrier adds no level)
  CHECK(r.metrics.size == 5);
  CHECK(r.gates == 6);
  CHECK(counts(r) ==
        std::map<std::string, uint64_t>{{"h", 1}, {"cx", 1}, {"barrier", 1}, {"composite_circ", 1}, {"measure", 2}});
  CHECK(r.expanded.size == 7);  // the gate's body: h, x, cx
  CHECK(r.expanded.depth == 5);
}

TEST_CASE("qasm3: a Braket-style program, its built-in gates as Qiskit's, with Qiskit's figures", "[qasm3][braket]") {
  // As Amazon Braket's examples write OpenQASM 3: no include, Braket's gate names, a noise pragma.
  const std::string braket =
      "OPENQASM 3.0;\nbit[3] b;\nqubit[3] q;\nh q[0];\ncnot q[0], q[1];\ncnot q[1], q[2];\n"
      "phaseshift(0.15) q[2];\nsi q[1];\nv q[0];\nxx(0.3) q[0], q[2];\ncphaseshift(pi/4) q[0], q[1];\n"
      "ccnot q[0], q[1], q[2];\n#pragma braket noise bit_flip(0.1) q[0]\n"
      "b[0] = measure q[0];\nb[1] = measure q[1];\nb[2] = measure q[2];\n";
  const Report r = run(braket);
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.format == "qasm3");
  // The same circuit built in Qiskit: h, cx, cx, p, sdg, sx, rxx, cp, ccx, three measurements.
  CHECK(r.qubits == 3);
  CHECK(r.clbits == 3);
  CHECK(r.metrics.size == 12);
  CHECK(r.metrics.depth == 8);
  CHECK(r.metrics.nonlocal_gates == 5);
  CHECK(r.metrics.two_qubit_gates == 4);
  CHECK(counts(r) ==
        std::map<std::string, uint64_t>{
            {"h", 1}, {"cx", 2}, {"p", 1}, {"sdg", 1}, {"sx", 1}, {"rxx", 1}, {"cp", 1}, {"ccx", 1}, {"measure", 3}});
  // One W124 per Braket name (h, cnot, phaseshift, si, v, xx, cphaseshift, ccnot), the pragma W121.
  CHECK(count_code(r, "W124") == 8);
  CHECK(count_code(r, "W121") == 1);
  const Diagnostic* w = find(r, "W124");
  REQUIRE(w != nullptr);
  CHECK(w->span.line == 4);
  // A Braket Bell pair simulates as one.
  SimOptions sim;
  sim.shots = 1000;
  sim.seed = 7;
  const Report bell =
      simulate("OPENQASM 3;\nqubit[2] q;\nbit[2] c;\nh q[0];\ncnot q[0], q[1];\nc = measure q;\n", Options{}, sim);
  REQUIRE(bell.simulation.ok);
  for (const auto& [key, n] : bell.simulation.counts) CHECK((key == "00" || key == "11"));
  // With stdgates.inc the program chose OpenQASM's names: Braket's are unknown there.
  const Report mixed = q3("qubit[2] q;\ncnot q[0], q[1];\n");
  CHECK(find(mixed, "E305") != nullptr);
  // Braket gates with no standard Qiskit gate are unknown gates.
  CHECK(find(run("OPENQASM 3.0;\nqubit[2] q;\npswap(0.1) q[0], q[1];\n"), "E305") != nullptr);
}

TEST_CASE("qasm3: physical qubits as the exporter writes a laid-out circuit", "[qasm3]") {
  // test_teleportation's shape: $n qubits, `c[0] = measure $0;`, if on one bit.
  const Report r =
      q3("bit[2] c;\n"
         "h $1;\n"
         "cx $1, $2;\n"
         "cx $0, $1;\n"
         "h $0;\n"
         "c[0] = measure $0;\n"
         "c[1] = measure $1;\n"
         "if (c[1]) {\n  x $2;\n}\n"
         "if (c[0]) {\n  z $2;\n}\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.qubits == 3);  // $2 brings qubits 0..2 with it, no register
  CHECK(r.qregs.empty());
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"h", 2}, {"cx", 2}, {"measure", 2}, {"if_else", 2}});
  // h$1 1, cx 2, cx 3, h$0 4, measure $0 5, measure $1 4, if(c1) on $2 5, if(c0) on $2 6.
  CHECK(r.metrics.depth == 6);
  CHECK(r.metrics.size == 8);
  CHECK(r.expanded.size == 8);  // each if_else unrolls to its one gate
  CHECK(count_of(r.expanded.gate_types, "if_else") == 0);
}

TEST_CASE("qasm3: $5 alone makes six qubits, as the importer adds qubits 0..n", "[qasm3]") {
  const Report r = q3("h $3;\ncx $5, $3;\n");
  REQUIRE(r.valid);
  CHECK(r.qubits == 6);
  const Report mixed = q3("qubit q;\nh $0;\n");
  CHECK_FALSE(mixed.valid);
  REQUIRE(find(mixed, "E145"));
  CHECK(find(mixed, "E145")->span.line == 4);
}

TEST_CASE("qasm3: the same circuit in OpenQASM 2 and 3 has the same figures", "[qasm3]") {
  const std::string two =
      "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[3];\n"
      "gate maj a, b, c { cx c, b; cx c, a; ccx a, b, c; }\n"
      "h q[0];\ncx q[0], q[1];\nmaj q[0], q[1], q[2];\nrz(pi/4) q[2];\nu3(0.1, 0.2, 0.3) q[1];\n"
      "barrier q;\nmeasure q -> c;\nreset q[0];\n";
  const std::string three =
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[3] c;\n"
      "gate maj a, b, c { cx c, b; cx c, a; ccx a, b, c; }\n"
      "h q[0];\ncx q[0], q[1];\nmaj q[0], q[1], q[2];\nrz(π/4) q[2];\nu3(0.1, 0.2, 0.3) q[1];\n"
      "barrier q;\nc = measure q;\nreset q[0];\n";
  const Report a = run(two), b = run(three);
  same_figures(a, b);
  CHECK(b.format == "qasm3");
  // One instruction per qubit for broadcast measure and reset, as both readers give.
  CHECK(count_of(b.metrics.gate_types, "measure") == 3);
  // OpenQASM 2's `if` is a c_if on the x; OpenQASM 3's is an if_else block: the name differs,
  // the expanded figures agree.
  const Report a2 = run(two + "if (c == 5) x q[0];\n"), b2 = run(three + "if (c == 5) x q[0];\n");
  CHECK(count_of(a2.metrics.gate_types, "x") == 1);
  CHECK(count_of(b2.metrics.gate_types, "if_else") == 1);
  CHECK(a2.metrics.depth == b2.metrics.depth);
  CHECK(a2.expanded.size == b2.expanded.size);
  CHECK(counts_of(a2.expanded) == counts_of(b2.expanded));
}

TEST_CASE("qasm3: old-style declarations and the measure arrow read as in OpenQASM 2", "[qasm3]") {
  const std::string body = "qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n";
  const Report a = run("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" + body);
  const Report b = q3(body);
  same_figures(a, b);
  CHECK(b.qregs.size() == 1);
  CHECK(b.cregs.size() == 1);
}

TEST_CASE("qasm3: ctrl @ x is cx, then ccx, then mcx, negctrl gives open-control names", "[qasm3][modifiers]") {
  const Report r =
      q3("qubit[6] q;\n"
         "ctrl @ x q[0], q[1];\n"
         "ctrl @ ctrl @ x q[0], q[1], q[2];\n"
         "ctrl(2) @ x q[0], q[1], q[2];\n"
         "ctrl(3) @ x q[0], q[1], q[2], q[3];\n"
         "ctrl @ ccx q[0], q[1], q[2], q[3];\n"
         "ctrl(5) @ x q[0], q[1], q[2], q[3], q[4], q[5];\n"
         "negctrl @ x q[0], q[1];\n"
         "negctrl(2) @ x q[0], q[1], q[2];\n"
         "ctrl @ negctrl @ x q[0], q[1], q[2];\n"
         "negctrl @ ctrl @ x q[0], q[1], q[2];\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(counts(r) == std::map<std::string, uint64_t>{
                         {"cx", 1}, {"ccx", 2}, {"mcx", 3}, {"cx_o0", 1}, {"ccx_o0", 1}, {"ccx_o1", 1}, {"ccx_o2", 1}});
}

TEST_CASE("qasm3: other controlled gates are named as Gate.control names them", "[qasm3][modifiers]") {
  const Report r =
      q3("qubit[4] q;\n"
         "ctrl @ h q[0], q[1];\n"                 // CHGate
         "ctrl(2) @ h q[0], q[1], q[2];\n"        // generic: cch
         "ctrl(3) @ h q[0], q[1], q[2], q[3];\n"  // c3h
         "ctrl @ rz(0.5) q[0], q[1];\n"           // CRZGate
         "ctrl(2) @ rz(0.5) q[0], q[1], q[2];\n"  // ccrz
         "ctrl @ p(0.3) q[0], q[1];\n"            // CPhaseGate
         "ctrl(2) @ p(0.3) q[0], q[1], q[2];\n"   // the importer passes ctrl_state: generic ccp, not mcphase
         "ctrl @ cp(0.3) q[0], q[1], q[2];\n"     // ccp
         "ctrl @ s q[0], q[1];\n"                 // generic cs (not the CSGate class)
         "ctrl @ U(0.1, 0.2, 0.3) q[0], q[1];\n"  // CUGate(θ, φ, λ, 0)
         "ctrl @ sx q[0], q[1];\n"
         "ctrl @ swap q[0], q[1], q[2];\n"
         "ctrl @ y q[0], q[1];\n"
         "ctrl @ z q[0], q[1];\n"
         "negctrl @ h q[0], q[1];\n");  // ch_o0
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"ch", 1},
                                                     {"cch", 1},
                                                     {"c3h", 1},
                                                     {"crz", 1},
                                                     {"ccrz", 1},
                                                     {"cp", 1},
                                                     {"ccp", 2},
                                                     {"cs", 1},
                                                     {"cu", 1},
                                                     {"csx", 1},
                                                     {"cswap", 1},
                                                     {"cy", 1},
                                                     {"cz", 1},
                                                     {"ch_o0", 1}});
}

TEST_CASE("qasm3: inv @ gives the standard inverse, NAME_dg for the program's gates", "[qasm3][modifiers]") {
  const Report r = run_ops(
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"
      "gate g(t) a { rx(t) a; s a; }\n"
      "qubit q;\n"
      "inv @ s q;\n"
      "inv @ t q;\n"
      "inv @ sdg q;\n"
      "inv @ rx(0.25) q;\n"
      "inv @ g(0.5) q;\n"
      "inv @ inv @ g(0.5) q;\n"
      "inv @ h q;\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(counts(r) ==
        std::map<std::string, uint64_t>{{"sdg", 1}, {"tdg", 1}, {"s", 1}, {"rx", 1}, {"g_dg", 1}, {"g", 1}, {"h", 1}});
  REQUIRE(r.operations.size() == 7);
  CHECK(r.operations[3].params == std::vector<double>{-0.25});
  // g_dg's body is g's reversed and inverted: sdg, then rx(-t).
  CHECK(r.expanded.gate_types.size() >= 4);
  CHECK(count_of(r.expanded.gate_types, "sdg") == 2);
  CHECK(count_of(r.expanded.gate_types, "rx") == 3);
}

TEST_CASE("qasm3: pow @ follows Gate.power's overrides, else a unitary", "[qasm3][modifiers]") {
  const Report r = run_ops(
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"
      "qubit q;\n"
      "pow(2) @ s q;\n"        // p(pi)
      "pow(2) @ z q;\n"        // p(2 pi)
      "pow(3) @ rx(0.5) q;\n"  // rx(1.5)
      "pow(0.5) @ x q;\n"      // UnitaryGate
      "pow(2) @ h q;\n");      // UnitaryGate
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"p", 2}, {"rx", 1}, {"unitary", 2}});
  REQUIRE(r.operations.size() == 5);
  CHECK(r.operations[0].params[0] == Approx(3.14159265358979));
  CHECK(r.operations[2].params[0] == Approx(1.5));
}

TEST_CASE("qasm3: the modified gates simulate as their matrices say", "[qasm3][modifiers][sim]") {
  SimOptions sim;
  sim.shots = 0;
  Options opt;
  opt.format = Format::Qasm3;
  // pow(0.5) @ x twice is x; negctrl @ x flips the target when the control is 0.
  const Report a = simulate(
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\npow(0.5) @ x q[0];\n"
      "pow(0.5) @ x q[0];\nnegctrl @ x q[1], q[0];\n",
      opt, sim);
  INFO(errors_of(a) << a.simulation.error.message);
  REQUIRE(a.simulation.ok);
  // x then the open-controlled x (control q1 = 0) undoes it: |00>.
  REQUIRE_FALSE(a.simulation.probabilities.empty());
  CHECK(a.simulation.probabilities[0].first == "00");
  CHECK(a.simulation.probabilities[0].second == Approx(1.0));
}

TEST_CASE("qasm3: id is U(0, 0, 0) to Qiskit's importer, and U is always built in", "[qasm3]") {
  const Report r = q3("qubit q;\nid q;\nU(0.1, 0.2, 0.3) q;\n");
  REQUIRE(r.valid);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"u", 2}});
  Options opt;
  opt.format = Format::Qasm3;
  const Report bare = run("OPENQASM 3;\nqubit q;\nU(0, 0, 0) q;\nu2(0, pi) q;\n", opt);
  CHECK_FALSE(bare.valid);
  REQUIRE(find(bare, "E305"));
  CHECK(find(bare, "E305")->span.line == 4);
  CHECK(find(bare, "E305")->message.find("stdgates.inc") != std::string::npos);
  // h without the include is Braket's built-in h (W124), which says where OpenQASM's is.
  const Report braket = run("OPENQASM 3;\nqubit q;\nU(0, 0, 0) q;\nh q;\n", opt);
  REQUIRE(braket.valid);
  REQUIRE(find(braket, "W124"));
  CHECK(find(braket, "W124")->span.line == 4);
  CHECK(find(braket, "W124")->message.find("stdgates.inc") != std::string::npos);
}

TEST_CASE("qasm3: gphase alone adds no instruction, ctrl @ gphase is a phase gate", "[qasm3][modifiers]") {
  const Report r = q3("qubit q;\ngphase(0.5);\nctrl @ gphase(0.5) q;\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.metrics.size == 1);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"p", 1}});
}

TEST_CASE("qasm3: for loops are one for_loop, unrolled in the expanded figures", "[qasm3][flow]") {
  const Report r =
      q3("qubit[4] q;\n"
         "bit[4] c;\n"
         "for int i in [0:2] {\n  cx q[i], q[i + 1];\n}\n"
         "for int i in {0, 3} {\n  h q[i];\n}\n"
         "for uint i in [3:-1:0] c[i] = measure q[i];\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"for_loop", 3}});
  CHECK(r.metrics.size == 3);
  // Each loop occupies every wire its body touches: three levels.
  CHECK(r.metrics.depth == 3);
  CHECK(count_of(r.expanded.gate_types, "cx") == 3);
  CHECK(count_of(r.expanded.gate_types, "h") == 2);
  CHECK(count_of(r.expanded.gate_types, "measure") == 4);
  // cx chain depth 3, then h on q0 (4) and q3 (4), then the measurements (5).
  CHECK(r.expanded.depth == 5);
}

TEST_CASE("qasm3: an if on a measured bit is one if_else on its wires and its condition", "[qasm3][flow]") {
  const Report r =
      q3("qubit[2] q;\nbit[2] c;\n"
         "h q[0];\n"
         "c[0] = measure q[0];\n"
         "if (c[0]) {\n  x q[1];\n} else {\n  z q[1];\n  h q[1];\n}\n"
         "if (c == 1) x q[0];\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"h", 1}, {"measure", 1}, {"if_else", 2}});
  // h 1, measure 2, if_else on q1 reading c0: 3, if_else on q0 reading c: max(q0 2, c0 3) + 1 = 4.
  CHECK(r.metrics.depth == 4);
  // The expansion counts both branches of the if_else.
  CHECK(count_of(r.expanded.gate_types, "x") == 2);
  CHECK(count_of(r.expanded.gate_types, "z") == 1);
}

TEST_CASE("qasm3: conditions are decided while reading when they are constants", "[qasm3][flow]") {
  const Report r =
      q3("const int n = 3;\n"
         "qubit[n] q;\n"
         "uint[4] mask = 5;\n"
         "for uint i in [0:n - 1] {\n  if (bool(mask[i])) x q[i];\n}\n"
         "if (n > 5) { h q; } else { z q[0]; }\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(count_of(r.metrics.gate_types, "if_else") == 0);
  CHECK(count_of(r.expanded.gate_types, "x") == 2);  // bits 0 and 2 of 5
  CHECK(count_of(r.metrics.gate_types, "z") == 1);
  CHECK(count_of(r.metrics.gate_types, "h") == 0);
}

TEST_CASE("qasm3: while on measured bits is a while_loop the simulator does not run", "[qasm3][flow]") {
  const std::string src =
      "qubit q;\nbit c;\n"
      "c = measure q;\n"
      "while (c == 0) {\n  h q;\n  c = measure q;\n}\n";
  const Report r = q3(src);
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"measure", 1}, {"while_loop", 1}});
  SimOptions sim;
  sim.shots = 10;
  Options opt;
  opt.format = Format::Qasm3;
  const Report s = simulate("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" + src, opt, sim);
  CHECK_FALSE(s.simulation.ok);
  CHECK(s.simulation.error.message.find("while_loop") != std::string::npos);
}

TEST_CASE("qasm3: a constant while loop runs while reading, break and continue work", "[qasm3][flow]") {
  const Report r =
      q3("qubit q;\n"
         "int i = 0;\n"
         "while (i < 10) {\n  i += 1;\n  if (i == 2) continue;\n  if (i == 5) break;\n  x q;\n}\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"while_loop", 1}});
  CHECK(count_of(r.expanded.gate_types, "x") == 3);  // i = 1, 3, 4
}

TEST_CASE("qasm3: def subroutines are read at each call, their measurements included", "[qasm3][flow]") {
  const Report r =
      q3("def bell(qubit a, qubit b) -> bit {\n  h a;\n  cx a, b;\n  return measure b;\n}\n"
         "qubit[4] q;\nbit[2] c;\n"
         "c[0] = bell(q[0], q[1]);\n"
         "c[1] = bell(q[2], q[3]);\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"h", 2}, {"cx", 2}, {"measure", 2}});
  CHECK(find(r, "W120"));  // Qiskit's importer refuses def
}

TEST_CASE("qasm3: input parameters are circuit Parameters, bound at simulation", "[qasm3]") {
  const std::string src =
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float theta;\ninput angle phi;\nqubit q;\n"
      "rx(theta) q;\nrz(2 * phi + pi) q;\n";
  const Report r = run(src);
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.parameters == std::vector<std::string>{"theta", "phi"});
  SimOptions sim;
  sim.shots = 0;
  sim.parameters = {{"theta", 3.141592653589793}, {"phi", 0.0}};
  const Report s = simulate(src, Options{}, sim);
  INFO(s.simulation.error.message);
  REQUIRE(s.simulation.ok);
  double p1 = 0;
  for (const auto& [state, p] : s.simulation.probabilities)
    if (state == "1") p1 = p;
  CHECK(p1 == Approx(1.0));
}

TEST_CASE("qasm3: constants and the classical language", "[qasm3][classical]") {
  const Report r = run_ops(
      "OPENQASM 3;\ninclude \"stdgates.inc\";\n"
      "const float[64] half = π / 2;\n"
      "const int[32] n = 2 ** 3;\n"
      "const uint k = 0x0F & 0b0101;\n"
      "float xv = sin(half) + τ - tau + euler * 0;\n"
      "angle[8] a = half * 2;\n"
      "bool b = (n == 8) && !(k != 5);\n"
      "qubit[n] q;\n"
      "rx(xv) q[0];\n"
      "rz(a) q[1];\n"
      "if (b) h q[k];\n"
      "let pair = q[0:1] ++ q[{6, 7}];\n"
      "barrier pair;\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.qubits == 8);
  REQUIRE(r.operations.size() == 4);
  CHECK(r.operations[0].params[0] == Approx(1.0));
  CHECK(r.operations[1].params[0] == Approx(3.14159265358979));
  CHECK(r.operations[2].name == "h");
  CHECK(r.operations[2].qubits == std::vector<uint32_t>{5});
  CHECK(r.operations[3].qubits == std::vector<uint32_t>{0, 1, 6, 7});
}

TEST_CASE("qasm3: integer and constant-integer angles are that many radians", "[qasm3][classical]") {
  // An integer literal's value lives in the integer slot: an angle made of it must carry it over.
  const Report r = run_ops(
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nconst int n = 3;\ngate g(a, b) q { rz(a) q; rz(b) q; }\n"
      "qubit[1] q;\nrz(1) q[0];\nrz(25000000000) q[0];\ng(0.5, 2) q[0];\nU(1, n, -4) q[0];\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  REQUIRE(r.operations.size() == 4);
  CHECK(r.operations[0].params == std::vector<double>{1.0});
  CHECK(r.operations[1].params == std::vector<double>{25000000000.0});
  CHECK(r.operations[2].params == std::vector<double>{0.5, 2.0});
  CHECK(r.operations[3].params == std::vector<double>{1.0, 3.0, -4.0});
  // ... and so the simulator applies them: rx(2) then rx(-2) is the identity, rx(2) alone is not.
  SimOptions sim;
  sim.shots = 0;
  sim.statevector = true;
  const Report back =
      simulate("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nrx(2) q[0];\nrx(-2) q[0];\n", Options{}, sim);
  REQUIRE(back.simulation.ok);
  CHECK(std::abs(back.simulation.statevector[0]) == Approx(1.0));
  const Report once = simulate("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nrx(2) q[0];\n", Options{}, sim);
  REQUIRE(once.simulation.ok);
  CHECK(std::abs(once.simulation.statevector[0]) == Approx(std::cos(1.0)));
}

TEST_CASE("qasm3: a float beyond 64 bits has no integer: E140, not undefined behaviour", "[qasm3][classical]") {
  // Found by fuzzing (UBSan: 1e+140 is outside the range of long).
  const Report r = q3("qubit[1] q;\nfor int i in {1E140, 3} { rx(i) q[0]; }\nint n = int(-1e300);\n");
  REQUIRE_FALSE(r.valid);
  CHECK(count_code(r, "E140") >= 2);
  const Diagnostic* d = find(r, "E140");
  REQUIRE(d != nullptr);
  CHECK(d->message.find("does not fit in a 64-bit integer") != std::string::npos);
  CHECK(d->span.line == 4);
  const Report ok = q3("qubit[1] q;\nint n = int(-2.9);\nfor int i in {4.7} { rx(i) q[0]; }\n", Options{});
  INFO(errors_of(ok));
  CHECK(ok.valid);
}

TEST_CASE("qasm3: delay, box, reset and barrier forms", "[qasm3]") {
  const Report r =
      q3("qubit[2] q;\n"
         "delay[100ns] q[0];\n"
         "delay[2us] q;\n"
         "box {\n  h q[0];\n  cx q[0], q[1];\n}\n"
         "reset q;\n"
         "barrier;\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"delay", 3}, {"box", 1}, {"reset", 2}, {"barrier", 1}});
  CHECK(find(r, "W120"));  // box needs Qiskit 2
}

TEST_CASE("qasm3: calibrations, pragmas and annotations are skipped with a warning", "[qasm3]") {
  const Report r =
      q3("defcalgrammar \"openpulse\";\n"
         "cal {\n  extern port d0;\n  frame f = newframe(d0, 5e9, 0);\n}\n"
         "defcal x $0 {\n  play(f, gaussian(1.0, 160dt, 40dt));\n}\n"
         "#pragma braket verbatim\n"
         "@reversible\n"
         "h $0;\n");
  INFO(errors_of(r));
  REQUIRE(r.valid);
  CHECK(count_code(r, "W121") == 5);
  CHECK(counts(r) == std::map<std::string, uint64_t>{{"h", 1}});
}

TEST_CASE("qasm3: errors with their spans, every one in one pass", "[qasm3][errors]") {
  const Report r =
      q3("qubit[2] q;\n"            // line 3
         "bit[2] c;\n"              // 4
         "h q[2];\n"                // 5: E204
         "foo q[0];\n"              // 6: E305
         "rx(1, 2) q[0];\n"         // 7: E301
         "cx q[0];\n"               // 8: E302
         "cx q[0], q[0];\n"         // 9: E303
         "y2 = 3;\n"                // 10: E201
         "const int k = 1;\n"       // 11
         "k = 2;\n"                 // 12: E144
         "break;\n"                 // 13: E143
         "int[8] m = sin(1, 2);\n"  // 14: E142
         "qubit[2] q;\n");          // 15: E202
  CHECK_FALSE(r.valid);
  INFO(errors_of(r));
  const std::vector<std::pair<std::string, uint32_t>> want = {{"E204", 5},  {"E305", 6},  {"E301", 7},  {"E302", 8},
                                                              {"E303", 9},  {"E201", 10}, {"E144", 12}, {"E143", 13},
                                                              {"E142", 14}, {"E202", 15}};
  for (const auto& [code, line] : want) {
    INFO(code);
    const Diagnostic* d = find(r, code);
    REQUIRE(d);
    CHECK(d->span.line == line);
  }
  const Diagnostic* e = find(r, "E204");
  CHECK(e->span.column == 3);
  CHECK(e->message == "index 2 is out of range for 'q' of 2 qubits");
}

TEST_CASE("qasm3: auto-detection tells 3 from 2 by the version line or 3-only syntax", "[qasm3][detect]") {
  CHECK(run("OPENQASM 3.0;\nqubit q;\n").format == "qasm3");
  CHECK(run("OPENQASM 3;\nqubit q;\n").format == "qasm3");
  CHECK(run("/* a block comment */\ninclude \"stdgates.inc\";\nqubit q;\nh q;\n").format == "qasm3");
  CHECK(run("// no version\nqubit[2] q;\n").format == "qasm3");
  CHECK(run("gate cphase(θ) a, b { U(0, 0, θ) a; }\n").format == "qasm3");
  CHECK(run("OPENQASM 2.0;\nqreg q[1];\n").format == "qasm2");
  CHECK(run("qreg q[1];\nh q[0];\n").format == "qasm2");
  CHECK(run("include \"qelib1.inc\";\nqreg q[1];\n").format == "qasm2");
  // Python's for and def end with ':'.
  CHECK(run("def f(qc):\n    qc.h(0)\n").format != "qasm3");
}

TEST_CASE("qasm3: hostile loops and recursion stop with a bound", "[qasm3][limits]") {
  Options opt;
  opt.format = Format::Qasm3;
  opt.limits.max_qasm3_steps = 100000;
  const Report spin = run("OPENQASM 3;\nint i = 0;\nwhile (true) { i += 1; }\n", opt);
  CHECK_FALSE(spin.valid);
  CHECK(find(spin, "E410"));
  const Report rec = run("OPENQASM 3;\ndef f(int n) -> int { return f(n + 1); }\nint x = f(0);\n", opt);
  CHECK_FALSE(rec.valid);
  CHECK((find(rec, "E407") || find(rec, "E410")));
  const Report big = run("OPENQASM 3;\nqubit q;\nfor int i in [0:100000000] { U(0, 0, 0) q; }\n");
  CHECK_FALSE(big.valid);
  CHECK((find(big, "E404") || find(big, "E410") || find(big, "E406")));
  std::string deep = "OPENQASM 3;\nqubit q;\n";
  for (int i = 0; i < 300; ++i) deep += "if (true) {\n";
  const Report nested = run(deep, opt);
  CHECK_FALSE(nested.valid);
  CHECK(find(nested, "E407"));
}

TEST_CASE("qasm3: every prefix and byte corruption of a program ends in a report", "[qasm3][robust]") {
  // Most of the language in one program: declarations, gates and modifiers, subroutines, loops,
  // branches on measured bits, arrays, durations, calibrations and annotations.
  const std::string src =
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"
      "/* header */ const int n = 3;\ninput angle[32] theta;\n"
      "gate g(a, b) x, y { ctrl @ rz(a / 2) x, y; inv @ s y; gphase(b); }\n"
      "def f(qubit q, int k) -> bit { for int i in [0:k] { rx(i * pi / 4) q; } return measure q; }\n"
      "qubit[n] q;\nbit[n] c;\narray[int[8], 2, 2] m = {{1, 2}, {3, 4}};\n"
      "let pair = q[0:1] ++ q[{2}];\n"
      "@note\nh q;\ng(theta, 0.5) q[0], q[1];\nnegctrl(2) @ pow(0.5) @ x q[0], q[1], q[2];\n"
      "c[0] = f(q[1], m[1, 0]);\n"
      "if (c[0]) { x q[2]; } else if (c == 5) { z q[2]; }\n"
      "while (c[1] == false) { c[1] = measure q[1]; }\n"
      "switch (m[0, 1]) { case 2 { delay[10ns] q; } default { box { cx q[0], q[1]; } } }\n"
      "#pragma qvet\nmeasure q -> c;\n";
  REQUIRE(run(src).valid);
  // A corruption can make a loop endless (`while (c[1] == false)` becoming a constant): a small
  // step budget keeps each such case short.
  Options opt;
  opt.limits.max_qasm3_steps = 20000;
  for (size_t n = 0; n <= src.size(); ++n) check_report_invariants(run(src.substr(0, n), opt), src.substr(0, n));
  const char bytes[] = {'\0', '(', ')', '[', ']', '{', '}', ':', ';', '\n', '"', '$', '@', '#', '\xff', '=', ',', '9'};
  for (size_t i = 0; i < src.size(); i += 2)
    for (char b : bytes) {
      std::string s = src;
      s[i] = b;
      const Report r = run(s, opt);
      check_report_invariants(r, s);
      if (r.valid && i % 8 == 0) {  // and the simulator takes whatever the reader accepted
        SimOptions sim;
        sim.shots = 4;
        sim.parameters = {{"theta", 0.25}};
        const Report x = simulate(s, opt, sim);
        CHECK(x.valid);
      }
    }
}
