// The dataflow lints (W210-W214) and the Python ones (W602-W604): each on a circuit that has the
// mistake, and on the nearest
// circuit that does not, in OpenQASM 2, OpenQASM 3 and Qiskit Python.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace qvet;
using namespace qvet::test;

namespace {

// How many diagnostics with `code` the report lists (W214 switched on).
int count(const std::string& src, const std::string& code) {
  Options opt;
  opt.rules.enable = {"W214"};
  const Report r = validate(src, opt);
  check_report_invariants(r, src);
  INFO(src);
  REQUIRE(r.valid);
  int n = 0;
  for (const Diagnostic& d : r.diagnostics) n += d.code == code;
  return n;
}

const char* kPy = "from qiskit import QuantumCircuit\n";

}  // namespace

TEST_CASE("W210: a condition on bits no measurement has written", "[lint][dataflow]") {
  CHECK(count(prog("qreg q[1];\ncreg c[1];\nh q[0];\nif (c == 1) x q[0];\n"), "W210") == 1);
  CHECK(count(prog("qreg q[1];\ncreg c[1];\nh q[0];\nmeasure q[0] -> c[0];\nif (c == 1) x q[0];\n"), "W210") == 0);
  // Once per register, however many conditions read it.
  CHECK(count(prog("qreg q[1];\ncreg c[1];\nif (c == 1) x q[0];\nif (c == 0) h q[0];\n"), "W210") == 1);
  // A measurement after the condition does not help it.
  CHECK(count(prog("qreg q[1];\ncreg c[1];\nif (c == 1) x q[0];\nmeasure q[0] -> c[0];\n"), "W210") == 1);
  // OpenQASM 3 writes bits by assignment too (`bit[2] flags = "11";`, `r = f(q);`), which the
  // instructions do not hold, so it is not judged there (the corpus's gateteleport, qec and rus).
  const std::string q3 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nbit[1] c = \"1\";\n";
  CHECK(count(q3 + "if (c[0]) x q[0];\n", "W210") == 0);
  // Qiskit: c_if / if_test on a register never written.
  CHECK(count(std::string(kPy) + "qc = QuantumCircuit(1, 1)\nwith qc.if_test((qc.clbits[0], 1)):\n    qc.x(0)\n",
              "W210") == 1);
  CHECK(count(std::string(kPy) + "qc = QuantumCircuit(1, 1)\nqc.h(0)\nqc.measure(0, 0)\nwith qc.if_test((qc.clbits[0], "
                                 "1)):\n    qc.x(0)\n",
              "W210") == 0);
}

TEST_CASE("W211: a qubit measured twice with nothing between", "[lint][dataflow]") {
  CHECK(count(prog("qreg q[1];\ncreg c[2];\nh q[0];\nmeasure q[0] -> c[0];\nbarrier q;\nmeasure q[0] -> c[1];\n"),
              "W211") == 1);
  CHECK(count(prog("qreg q[1];\ncreg c[2];\nh q[0];\nmeasure q[0] -> c[0];\nh q[0];\nmeasure q[0] -> c[1];\n"),
              "W211") == 0);
  // A reset between: the second measurement reads the reset state, not the first result.
  CHECK(count(prog("qreg q[1];\ncreg c[2];\nh q[0];\nmeasure q[0] -> c[0];\nreset q[0];\nmeasure q[0] -> c[1];\n"),
              "W211") == 0);
  CHECK(count(std::string(kPy) + "qc = QuantumCircuit(2, 2)\nqc.h(0)\nqc.measure(0, 0)\nqc.measure(0, 1)\n", "W211") ==
        1);
}

TEST_CASE("W212: a result overwritten before anything reads it", "[lint][dataflow]") {
  const std::string twice =
      prog("qreg q[2];\ncreg c[1];\nh q;\nmeasure q[0] -> c[0];\ncx q[0], q[1];\nmeasure q[1] -> c[0];\n");
  CHECK(count(twice, "W212") == 1);
  // Read in between by a condition: mid-circuit feedback, as in teleportation.
  CHECK(count(prog("qreg q[2];\ncreg c[1];\nh q;\nmeasure q[0] -> c[0];\nif (c == 1) x q[1];\nmeasure q[1] -> c[0];\n"),
              "W212") == 0);
  // Different bits: nothing lost.
  CHECK(count(prog("qreg q[2];\ncreg c[2];\nh q;\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[1];\n"), "W212") == 0);
  // The same measurement twice is W211's finding, not this one's too.
  CHECK(count(prog("qreg q[1];\ncreg c[1];\nh q[0];\nmeasure q[0] -> c[0];\nmeasure q[0] -> c[0];\n"), "W212") == 0);
  CHECK(count(std::string(kPy) + "qc = QuantumCircuit(2, 1)\nqc.h([0, 1])\nqc.measure(0, 0)\nqc.measure(1, 0)\n",
              "W212") == 1);
}

TEST_CASE("W213: fewer classical bits than measured qubits", "[lint][dataflow]") {
  CHECK(
      count(prog("qreg q[3];\ncreg c[2];\nh q;\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[1];\nmeasure q[2] -> c[1];\n"),
            "W213") == 1);
  CHECK(count(prog("qreg q[3];\ncreg c[3];\nh q;\nmeasure q -> c;\n"), "W213") == 0);
  // One qubit measured into two bits is not it.
  CHECK(count(prog("qreg q[1];\ncreg c[2];\nh q[0];\nmeasure q[0] -> c[0];\nh q[0];\nmeasure q[0] -> c[1];\n"),
              "W213") == 0);
}

TEST_CASE("W214: a measurement of a qubit no gate has touched, off by default", "[lint][dataflow]") {
  const std::string idle = prog("qreg q[2];\ncreg c[2];\nh q[0];\nmeasure q -> c;\n");
  CHECK(count(idle, "W214") == 1);  // q[1]
  CHECK(count(prog("qreg q[2];\ncreg c[2];\nh q;\nmeasure q -> c;\n"), "W214") == 0);
  // Without --enable W214 it is not reported, nor counted as switched off (nobody switched it off).
  const Report quiet = validate(idle);
  for (const Diagnostic& d : quiet.diagnostics) CHECK(d.code != "W214");
  CHECK(quiet.suppressed_diagnostics == 0);
}

TEST_CASE("W602: a new circuit made and dropped, and the report is of the circuit Qiskit keeps", "[lint][python]") {
  const std::string head =
      std::string(kPy) + "qc = QuantumCircuit(2)\nbell = QuantumCircuit(2)\nbell.h(0)\nbell.cx(0, 1)\n";
  const Report dropped = validate(head + "qc.compose(bell)\nqc.x(0)\n");
  REQUIRE(dropped.valid);
  const Diagnostic* w602 = find(dropped, "W602");
  REQUIRE(w602);
  CHECK(w602->span.line == 6);
  CHECK(dropped.circuit == "qc");
  CHECK(dropped.gates == 1);  // qc holds its x only, as in Qiskit
  // Assigned, or in place: no warning, and the composed gates count.
  const Report kept = validate(head + "qc = qc.compose(bell)\nqc.x(0)\n");
  CHECK(count(head + "qc = qc.compose(bell)\nqc.x(0)\n", "W602") == 0);
  CHECK(kept.gates == 3);
  const Report inplace = validate(head + "qc.compose(bell, inplace=True)\nqc.x(0)\n");
  CHECK(count(head + "qc.compose(bell, inplace=True)\nqc.x(0)\n", "W602") == 0);
  CHECK(inplace.gates == 3);
  CHECK(count(head + "qc.h(0)\nqc.inverse()\n", "W602") == 1);
  CHECK(count(head + "qc.h(0)\ninv = qc.inverse()\n", "W602") == 0);
}

TEST_CASE("W603: measure_all() on a circuit that has classical bits already", "[lint][python]") {
  const Report r = validate(std::string(kPy) + "qc = QuantumCircuit(2, 2)\nqc.h(0)\nqc.cx(0, 1)\nqc.measure_all()\n");
  REQUIRE(r.valid);
  CHECK(r.clbits == 4);  // Qiskit's 'meas' register beside 'c'
  CHECK(count(std::string(kPy) + "qc = QuantumCircuit(2, 2)\nqc.h(0)\nqc.cx(0, 1)\nqc.measure_all()\n", "W603") == 1);
  CHECK(count(std::string(kPy) + "qc = QuantumCircuit(2)\nqc.h(0)\nqc.measure_all()\n", "W603") == 0);
  CHECK(count(std::string(kPy) + "qc = QuantumCircuit(2, 2)\nqc.h(0)\nqc.measure_all(add_bits=False)\n", "W603") == 0);
}

TEST_CASE("W604: an operation added after the circuit was transpiled", "[lint][python]") {
  const std::string head =
      "from qiskit import QuantumCircuit, transpile\nfrom qiskit_aer import AerSimulator\n"
      "qc = QuantumCircuit(2)\nqc.h(0)\nqc.cx(0, 1)\nsim = AerSimulator()\n";
  // The tutorial slip: measurements added after transpile, so the job runs without them.
  const std::string late = head + "tqc = transpile(qc, sim)\nqc.measure_all()\njob = sim.run(tqc)\n";
  const Report r = validate(late);
  REQUIRE(r.valid);
  const Diagnostic* w604 = find(r, "W604");
  REQUIRE(w604);
  CHECK(w604->span.line == 8);
  CHECK(w604->message.find("'qc'") != std::string::npos);
  CHECK(w604->message.find("line 7") != std::string::npos);  // where it was transpiled
  CHECK(count(late, "W604") == 1);
  // Reported once per circuit, however many operations follow.
  CHECK(count(head + "tqc = transpile(qc, sim)\nqc.x(0)\nqc.x(1)\nqc.measure_all()\n", "W604") == 1);
  // Finished first, then transpiled: nothing to say; nor for a circuit in a list, finished first.
  CHECK(count(head + "qc.measure_all()\ntqc = transpile(qc, sim)\njob = sim.run(tqc)\n", "W604") == 0);
  CHECK(count(head + "qc.measure_all()\ntqcs = transpile([qc], sim)\n", "W604") == 0);
  // In a list, or through a pass manager (Qiskit 1.x and 2.x spelling), then changed: reported.
  CHECK(count(head + "tqcs = transpile([qc], sim)\nqc.measure_all()\n", "W604") == 1);
  CHECK(count(head + "from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager\n"
                     "pm = generate_preset_pass_manager(optimization_level=1)\nisa = pm.run(qc)\nqc.measure_all()\n",
              "W604") == 1);
  CHECK(count(std::string(kPy) +
                  "from qiskit.compiler import transpile\nqc = QuantumCircuit(1)\nt = transpile(qc)\nqc.x(0)\n",
              "W604") == 1);
  // Transpiled again after the change (a notebook printing the depth, then finishing): nothing lost.
  CHECK(count(head + "print(transpile(qc, sim).depth())\nqc.measure_all()\ntqc = transpile(qc, sim)\n", "W604") == 0);
  // A copy made after transpiling is a new circuit: building on it is fine.
  CHECK(count(head + "tqc = transpile(qc, sim)\nqc2 = qc.copy()\nqc2.measure_all()\n", "W604") == 0);
  // Another circuit, or a composition into a new one, is untouched by the mark.
  CHECK(count(head + "tqc = transpile(qc, sim)\nother = QuantumCircuit(2)\nother.x(0)\n", "W604") == 0);
}
