// Qiskit 1.0's figures: QuantumCircuit.depth(), size(), len(data), count_ops(), num_nonlocal_gates().
// Each expected value below is what Qiskit returns for the same circuit.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace qvet;
using namespace qvet::test;

TEST_CASE("the circuit in Qiskit's depth() docstring has depth 2", "[analysis]") {
  // qc = QuantumCircuit(4); qc.h(0); qc.cx(0, 1); qc.h(2); qc.cx(2, 3); assert qc.depth() == 2
  Report r = run_ops(prog("qreg q[4];\nh q[0];\ncx q[0], q[1];\nh q[2];\ncx q[2], q[3];\n"));
  REQUIRE(r.valid);
  CHECK(r.metrics.depth == 2);
  CHECK(r.metrics.size == 4);
  CHECK(r.metrics.nonlocal_gates == 2);
  std::vector<uint64_t> layers;
  for (const auto& op : r.operations) layers.push_back(op.layer);
  CHECK(layers == std::vector<uint64_t>{0, 1, 0, 1});
}

TEST_CASE("the old service's Bell example: 2 qubits, depth 3", "[analysis]") {
  // qc.h(0); qc.cx(0, 1); qc.measure([0, 1], [0, 1])
  Report r =
      run(prog("qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[1];\n"));
  REQUIRE(r.valid);
  CHECK(r.qubits == 2);
  CHECK(r.metrics.depth == 3);
  CHECK(r.gates == 4);
  CHECK(r.metrics.size == 4);
  CHECK(count_of(r.metrics.gate_types, "measure") == 2);
  CHECK(r.estimated_execution_time == Approx(3 * 0.1 + 4 * 0.01));
}

TEST_CASE("a barrier adds no depth but lines its qubits up to the deepest", "[analysis][barrier]") {
  Report without = run(prog("qreg q[2];\nh q[0];\nh q[1];\n"));
  CHECK(without.metrics.depth == 1);
  Report with = run_ops(prog("qreg q[2];\nh q[0];\nbarrier q;\nh q[1];\n"));
  REQUIRE(with.valid);
  CHECK(with.metrics.depth == 2);
  CHECK(with.metrics.size == 2);  // size() leaves barriers out
  CHECK(with.gates == 3);         // len(data) keeps them
  CHECK(count_of(with.metrics.gate_types, "barrier") == 1);
  CHECK(with.metrics.nonlocal_gates == 0);  // a barrier is not a gate
  CHECK(with.operations[1].layer == 1);     // it stands before moment 1
  CHECK(with.operations[2].layer == 1);
  Report only = run(prog("qreg q[3];\nbarrier q;\n"));
  CHECK(only.metrics.depth == 0);
}

TEST_CASE("a condition occupies every clbit of its register", "[analysis][condition]") {
  Report r = run(prog("qreg q[2];\ncreg c[2];\nh q[0];\nmeasure q[0] -> c[0];\nif (c == 1) x q[1];\n"));
  REQUIRE(r.valid);
  CHECK(r.metrics.depth == 3);
  // Two conditioned gates on different qubits are serialised through their register.
  Report s = run(prog("qreg q[2];\ncreg c[2];\nif (c == 1) x q[0];\nif (c == 1) x q[1];\n"));
  CHECK(s.metrics.depth == 2);
  // A measurement writes its clbit: two measurements into one bit are serial.
  Report m = run(prog("qreg q[2];\ncreg c[1];\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[0];\n"));
  CHECK(m.metrics.depth == 2);
}

TEST_CASE("count_ops orders by count, then by first appearance", "[analysis][count_ops]") {
  Report r = run(prog("qreg q[2];\nx q[0];\nh q[0];\nh q[1];\ncx q[0], q[1];\nx q[1];\nh q[0];\n"));
  REQUIRE(r.metrics.gate_types.size() == 3);
  CHECK(r.metrics.gate_types[0].name == "h");
  CHECK(r.metrics.gate_types[0].count == 3);
  CHECK(r.metrics.gate_types[1].name == "x");
  CHECK(r.metrics.gate_types[2].name == "cx");
  Report ties = run(prog("qreg q[2];\ncx q[0], q[1];\nh q[0];\nx q[1];\n"));
  CHECK(ties.metrics.gate_types[0].name == "cx");
  CHECK(ties.metrics.gate_types[1].name == "h");
  CHECK(ties.metrics.gate_types[2].name == "x");
  Report merged = run(
      prog("qreg q[5];\nc3x q[0],q[1],q[2],q[3];\nc4x q[0],q[1],q[2],q[3],q[4];\nU(1,2,3) q[0];\nu(1,2,3) q[1];\n"));
  CHECK(count_of(merged.metrics.gate_types, "mcx") == 2);
  CHECK(count_of(merged.metrics.gate_types, "u") == 2);
  CHECK(merged.metrics.gate_types.size() == 2);
}

TEST_CASE("nonlocal and two-qubit counts", "[analysis]") {
  Report r =
      run(prog("qreg q[3];\ncreg c[3];\nh q;\ncx q[0], q[1];\nccx q[0], q[1], q[2];\nswap q[1], q[2];\nbarrier "
               "q;\nmeasure q -> c;\n"));
  REQUIRE(r.valid);
  CHECK(r.metrics.nonlocal_gates == 3);
  CHECK(r.metrics.two_qubit_gates == 2);
  CHECK(r.metrics.size == 9);
  CHECK(r.gates == 10);
  CHECK(r.ops_per_qubit == std::vector<uint64_t>{4, 5, 4});
}

TEST_CASE("expanded figures walk the program's gates down to standard ones", "[analysis][expanded]") {
  Report r = run(prog(
      "gate inner a, b { cx a, b; h b; }\ngate outer a, b, c { inner a, b; inner b, c; barrier a, c; }\n"
      "qreg q[3];\ncreg c[1];\nouter q[0], q[1], q[2];\nmeasure q[2] -> c[0];\nif (c == 1) outer q[2], q[1], q[0];\n"));
  INFO(dump(r));
  REQUIRE(r.valid);
  CHECK(r.metrics.size == 3);
  CHECK(r.metrics.depth == 3);  // outer, measure, conditioned outer (after the measurement via c)
  CHECK(count_of(r.expanded.gate_types, "cx") == 4);
  CHECK(count_of(r.expanded.gate_types, "h") == 4);
  CHECK(count_of(r.expanded.gate_types, "barrier") == 2);
  CHECK(count_of(r.expanded.gate_types, "outer") == 0);
  CHECK(r.expanded.size == 9);
  CHECK(r.expanded.two_qubit_gates == 4);
  // Expanded depth, step by step: cx01 h1 | cx12 h2 (after h1) ... = 4 for the first outer,
  // then measure q2 (5), then the conditioned body: each op waits on c: 6..9.
  CHECK(r.expanded.depth == 9);
}

TEST_CASE("figures of an invalid circuit are not reported", "[analysis]") {
  Report r = run(prog("qreg q[2];\nh q[0];\nfoo q[1];\n"));
  CHECK_FALSE(r.valid);
  CHECK(r.metrics.depth == 0);
  CHECK(r.gates == 0);
}
