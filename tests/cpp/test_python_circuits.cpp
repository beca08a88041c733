// Qiskit's circuit-from-circuit API as Qiskit 1.0 names and counts it: c_if on an InstructionSet,
// inverse() of circuits and of instruction objects, copy/repeat/power, assign_parameters with
// Parameters and ParameterVectors, and mcx_gray. Names come from Qiskit's source
// (quantumcircuit.py, instruction.py, library/standard_gates/x.py, library/basis_change/qft.py);
// each inverse is also checked as a unitary: a circuit followed by its inverse is the identity.
#include <catch2/catch.hpp>
#include <cmath>
#include <complex>
#include <string>

#include "helpers.hpp"

using namespace qvet;
using qvet::test::find;
using qvet::test::run;

namespace {

const char* kHead =
    "from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister\n"
    "from qiskit.circuit import Parameter, ParameterVector\n"
    "from qiskit.circuit.library import QFT, HGate, SGate, RZGate, DCXGate\n";

Report py(const std::string& body) { return run(std::string(kHead) + body); }

// The same circuit as an empty one on n qubits: the code's circuit is the identity.
bool is_identity(const std::string& body, int n) {
  const Equivalence e = equivalent(
      std::string(kHead) + body, "from qiskit import QuantumCircuit\nqc = QuantumCircuit(" + std::to_string(n) + ")\n");
  INFO(e.error.message);
  REQUIRE(e.ok);
  return e.equivalent;
}

}  // namespace

// The textbook's teleportation: the corrections conditioned on one-bit registers. Layers: h(1) 1,
// cx(1,2) 2, cx(0,1) 3, h(0) 4, measure q0->crz 5, measure q1->crx 4, x(2) if crx (q2 at 2, crx at
// 4) 5, z(2) if crz (crz at 5) 6, measure q2 -> out 7.
TEST_CASE("c_if conditions the gates a method returned, with their bits in depth", "[python][c_if]") {
  const std::string body = R"py(qr = QuantumRegister(3, name="q")
crz, crx = ClassicalRegister(1, name="crz"), ClassicalRegister(1, name="crx")
out = ClassicalRegister(1, name="out")
qc = QuantumCircuit(qr, crz, crx, out)
qc.h(1)
qc.cx(1, 2)
qc.cx(0, 1)
qc.h(0)
qc.measure(0, crz)
qc.measure(1, crx)
qc.x(2).c_if(crx, 1)
qc.z(2).c_if(crz, 1)
qc.measure(2, out)
)py";
  Report r = py(body);
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.metrics.depth == 7);
  CHECK(r.metrics.size == 9);
  CHECK(test::counts_of(r) == "measure:3 h:2 cx:2 x:1 z:1");
  // Teleporting |0>: every trajectory corrects q2 back to 0, so `out` always reads 0.
  SimOptions sim;
  sim.shots = 200;
  const Report s = simulate(std::string(kHead) + body, Options{}, sim);
  REQUIRE(s.simulation.ok);
  for (const auto& [bits, n] : s.simulation.counts) CHECK(bits[0] == '0');
  // Without the corrections, out reads 1 about half the time: the conditions above did work.
  std::string uncorrected = body;
  uncorrected.replace(uncorrected.find("qc.x(2).c_if(crx, 1)"), 20, "qc.x(2)");
  const Report u = simulate(std::string(kHead) + uncorrected, Options{}, sim);
  REQUIRE(u.simulation.ok);
  uint64_t ones = 0;
  for (const auto& [bits, n] : u.simulation.counts) ones += bits[0] == '1' ? n : 0;
  CHECK(ones > 50);
}

TEST_CASE("c_if on one clbit, by Clbit or by index, reads that bit only", "[python][c_if]") {
  // x(2) if c[1]: its level is above measure q1 -> c1 (1), not above measure q0 -> c0, which is
  // also at 1; then h(0) if clbit 0: above c0's measure, level 2. Depth 2.
  Report r =
      py("qc = QuantumCircuit(3, 2)\nqc.measure([0, 1], [0, 1])\nqc.x(2).c_if(qc.clbits[1], 1)\n"
         "qc.h(0).c_if(0, 0)\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.metrics.depth == 2);
  Options opt;
  opt.include_operations = true;
  r = validate(std::string(kHead) + "qc = QuantumCircuit(1, 2)\nqc.x(0).c_if(1, 1)\n", opt);
  REQUIRE(r.valid);
  REQUIRE(r.operations.size() == 1);
  CHECK(r.operations[0].has_condition);
  CHECK(r.operations[0].condition_creg == "c[1]");
  // Errors: a value that cannot fit, a negative one, a register the circuit lacks.
  CHECK(find(py("qc = QuantumCircuit(1, 2)\nqc.x(0).c_if(qc.cregs[0], 4)\n"), "E609"));
  CHECK(find(py("qc = QuantumCircuit(1, 1)\nqc.x(0).c_if(0, -1)\n"), "E609"));
  CHECK(find(py("c = ClassicalRegister(1)\nqc = QuantumCircuit(1, 1)\nqc.x(0).c_if(c, 1)\n"), "E607"));
}

TEST_CASE("inverse() names circuits NAME_dg and inverts each gate", "[python][inverse]") {
  // bell.inverse() composed: rz(-0.3) sdg cx h, inline; its gate's inverse appended: bell_dg.
  const std::string bell =
      "bell = QuantumCircuit(2, name='bell')\nbell.h(0)\nbell.cx(0, 1)\nbell.s(1)\n"
      "bell.rz(0.3, 0)\n";
  Report r = py(bell +
                "qc = QuantumCircuit(2)\nqc.append(bell.to_gate(), [0, 1])\n"
                "qc.append(bell.to_gate().inverse(), [0, 1])\nqc.compose(bell.inverse(), inplace=True)\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.circuit == "qc");
  CHECK(test::counts_of(r) == "bell:1 bell_dg:1 rz:1 sdg:1 cx:1 h:1");
  CHECK(find(r, "W601") == nullptr);  // bell and its inverse are parts of qc
  // Instruction.inverse() of a gate already named NAME_dg takes the suffix off again.
  r = py(bell + "g = bell.to_gate().inverse()\nqc = QuantumCircuit(2)\nqc.append(g.inverse(), [0, 1])\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "bell:1");
  // The circuit, then each inverse: the identity.
  CHECK(is_identity(bell + "qc = QuantumCircuit(2)\nqc.compose(bell, inplace=True)\n"
                           "qc.append(bell.to_gate().inverse(), [0, 1])\n",
                    2));
  CHECK(is_identity(bell + "qc = bell.compose(bell.inverse())\n", 2));
  // Not the identity when the inverse is wrong: the check can fail.
  CHECK_FALSE(is_identity(bell + "qc = bell.compose(bell)\n", 2));
}

TEST_CASE("inverse() of every standard gate, and of gates Qiskit inverts by definition", "[python][inverse]") {
  // One of each gate the Python front end knows, then the inverse: the identity. rccx, dcx, iswap
  // and csx have no named inverse in Qiskit 1.0: theirs is NAME_dg, defined by the definition.
  const std::string a = R"py(a = QuantumCircuit(3, name="a")
a.h(0); a.cx(0, 1); a.t(2); a.sx(1); a.u(0.1, 0.2, 0.3, 2); a.cp(0.4, 0, 2); a.ccx(0, 1, 2)
a.rzz(0.7, 1, 2); a.cu(0.1, 0.2, 0.3, 0.4, 0, 1); a.rxx(0.3, 0, 1); a.ryy(0.2, 1, 2); a.rzx(0.5, 0, 2)
a.ecr(0, 1); a.iswap(1, 2); a.csx(0, 1); a.cswap(0, 1, 2); a.sxdg(0); a.dcx(0, 1); a.rccx(0, 1, 2)
a.ry(1.1, 0); a.rx(0.2, 1); a.crx(0.3, 0, 1); a.cry(0.4, 1, 2); a.crz(0.5, 2, 0); a.tdg(1); a.sdg(2)
a.p(0.9, 0); a.y(1); a.z(2); a.ch(0, 2); a.cy(1, 0); a.cz(2, 1); a.swap(0, 2); a.id(1)
)py";
  Report r = py(a + "qc = a.inverse()\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(test::count_of(r.metrics.gate_types, "rccx_dg") == 1);
  CHECK(test::count_of(r.metrics.gate_types, "dcx_dg") == 1);
  CHECK(test::count_of(r.metrics.gate_types, "tdg") == 1);
  CHECK(test::count_of(r.metrics.gate_types, "t") == 1);  // tdg's inverse
  CHECK(test::count_of(r.metrics.gate_types, "sxdg") == 1);
  CHECK(test::count_of(r.metrics.gate_types, "sx") == 1);
  CHECK(is_identity(a + "qc = a.compose(a.inverse())\n", 3));
  CHECK(is_identity(
      a + "qc = QuantumCircuit(3)\nqc.append(a, [0, 1, 2])\nqc.append(a.to_gate().inverse(), [0, 1, 2])\n", 3));
  // Instruction objects: HGate().inverse() is h, SGate's sdg, RZGate(t)'s rz(-t), DCXGate's dcx_dg.
  r =
      py("qc = QuantumCircuit(2)\nqc.append(HGate().inverse(), [0])\nqc.append(SGate().inverse(), [0])\n"
         "qc.append(RZGate(0.5).inverse(), [1])\nqc.append(DCXGate().inverse(), [0, 1])\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "h:1 sdg:1 rz:1 dcx_dg:1");
  CHECK(
      is_identity("qc = QuantumCircuit(2)\nqc.append(DCXGate(), [0, 1])\nqc.append(DCXGate().inverse(), [0, 1])\n", 2));
  // Measure has no inverse: Qiskit raises.
  CHECK(find(py("qc = QuantumCircuit(1, 1)\nqc.measure(0, 0)\nqc2 = qc.inverse()\n"), "E605"));
}

TEST_CASE("QFT.inverse() is IQFT, and an inverse QFT's inverse is QFT", "[python][inverse][library]") {
  // qft.py: QFT.inverse() names the circuit and its one gate IQFT (QFT again for an inverse).
  Report r =
      py("qc = QuantumCircuit(3)\nqc.append(QFT(3).inverse(), [0, 1, 2])\n"
         "qc.compose(QFT(3).inverse(), inplace=True)\nqc.append(QFT(3, inverse=True).inverse(), [0, 1, 2])\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "IQFT:2 QFT:1");
  CHECK(find(r, "W601") == nullptr);
  CHECK(
      is_identity("qc = QuantumCircuit(3)\nqc.append(QFT(3), [0, 1, 2])\nqc.append(QFT(3).inverse(), [0, 1, 2])\n", 3));
  CHECK(
      is_identity("qc = QuantumCircuit(3)\nqc.compose(QFT(3, inverse=True), inplace=True)\n"
                  "qc.append(QFT(3, inverse=True).inverse(), [0, 1, 2])\n",
                  3));
}

TEST_CASE("copy(), repeat() and power() as Qiskit names them", "[python][circuits]") {
  // repeat(3): a circuit NAME**3 holding three gates NAME; power(2) is repeat(2).
  const std::string u = "u = QuantumCircuit(2, name='u')\nu.h(0)\nu.cx(0, 1)\n";
  Report r = py(u + "qc = u.repeat(3)\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "u:3");
  CHECK(r.metrics.depth == 3);
  r = py(u + "qc = QuantumCircuit(2)\nqc.append(u.power(2), [0, 1])\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "u**2:1");
  CHECK(test::counts_text(r.expanded.gate_types) == "h:2 cx:2");
  // A copy is its own circuit: changing the original afterwards leaves it alone.
  r = py(u + "qc = u.copy()\nu.x(1)\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "h:1 cx:1");
  CHECK(find(py(u + "qc = u.power(0.5)\n"), "E603"));
  CHECK(find(py(u + "qc = u.repeat(-1)\n"), "E609"));
}

TEST_CASE("assign_parameters binds by dict, by list in Qiskit's order, and partially", "[python][parameters]") {
  // ParameterVector elements sort by index (θ[2] before θ[10]); a lone Parameter by name.
  const std::string ansatz = R"py(theta = ParameterVector("θ", 12)
gamma = Parameter("gamma")
qc = QuantumCircuit(2)
for i in range(12):
    qc.ry(theta[i], i % 2)
qc.rzz(2 * gamma, 0, 1)
)py";
  Report r = py(ansatz);
  REQUIRE(r.valid);
  CHECK(r.parameters.size() == 13);
  // By list: gamma first ("gamma" < "θ"), then θ[0]..θ[11]; here every θ gets 0 and gamma pi/4.
  r = py(ansatz + "bound = qc.assign_parameters([0.7853981633974483] + [0] * 12)\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.circuit == "bound");
  CHECK(r.parameters.empty());
  CHECK(find(r, "W601") == nullptr);
  // By dict: a vector takes a list of values; a partial binding keeps the rest symbolic.
  r = py(ansatz + "qc.assign_parameters({theta: list(range(12))}, inplace=True)\n");
  REQUIRE(r.valid);
  CHECK(r.parameters == std::vector<std::string>{"gamma"});
  r = py(ansatz + "half = qc.assign_parameters({gamma: theta[0] + 1})\n");
  REQUIRE(r.valid);
  CHECK(r.parameters.size() == 12);
  // Errors as Qiskit raises them: a Parameter the circuit does not have, a wrong number of values.
  CHECK(find(py(ansatz + "other = Parameter('x')\nb = qc.assign_parameters({other: 1})\n"), "E607"));
  CHECK(find(py(ansatz + "b = qc.assign_parameters([1, 2])\n"), "E607"));
  // The values reach the gates: rx(0.5) then rx(-0.5) is the identity, rx(0.5) twice is not.
  CHECK(
      is_identity("theta = ParameterVector('t', 2)\nc = QuantumCircuit(1)\nc.rx(theta[0], 0)\n"
                  "c.rx(theta[1], 0)\nqc = c.assign_parameters([0.5, -0.5])\n",
                  1));
  CHECK_FALSE(
      is_identity("theta = ParameterVector('t', 2)\nc = QuantumCircuit(1)\nc.rx(theta[0], 0)\n"
                  "c.rx(theta[1], 0)\nqc = c.assign_parameters([0.5, 0.5])\n",
                  1));
}

TEST_CASE("qc.mcx with five or more controls is mcx_gray, MCXGate(k) is mcx", "[python][mcx]") {
  Report r =
      run("from qiskit import QuantumCircuit\nfrom qiskit.circuit.library import MCXGate\nqc = QuantumCircuit(7)\n"
          "qc.mcx([0, 1, 2, 3, 4], 5)\nqc.mcx([0, 1, 2, 3, 4, 5], 6)\nqc.append(MCXGate(5), range(6))\nqc.mcx([0, 1, "
          "2], 3)\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "mcx_gray:2 mcx:2");
}

TEST_CASE("initialize, prepare_state and StatePreparation: one instruction, the state simulated",
          "[python][initialize]") {
  // The as-written file: initialize then measure_all. depth 2 (initialize, measure; the barrier
  // adds no layer), size 2, count_ops ordered by first appearance on ties.
  Report r =
      run("from qiskit import QuantumCircuit\nimport numpy as np\nqc = QuantumCircuit(1)\n"
          "qc.initialize([1/np.sqrt(2), 1/np.sqrt(2)], 0)\nqc.measure_all()\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "initialize:1 barrier:1 measure:1");
  CHECK(r.metrics.depth == 2);
  CHECK(r.metrics.size == 2);
  // On two qubits it is one instruction, and a nonlocal one (Qiskit counts every non-directive
  // operation on two or more qubits); a register is flattened into its qubits.
  const std::string two =
      "qr = QuantumRegister(2, 'q')\nqc = QuantumCircuit(qr)\n"
      "qc.initialize([0, 1j / 2**0.5, 0, -1 / 2**0.5], qr)\nqc.h(0)\n";
  r = py(two);
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "initialize:1 h:1");
  CHECK(r.metrics.nonlocal_gates == 1);
  CHECK(r.metrics.depth == 2);
  // (i|01> - |11>)/sqrt2 = (i|0> - |1>)|1>... on qubit 0 that is |1>, h gives (|0> - |1>)/sqrt2;
  // qubit 1 is (i|0> - |1>)/sqrt2: all four outcomes, a quarter each, read out without measures.
  SimOptions sim;
  sim.shots = 0;
  sim.statevector = true;
  Report s = simulate(std::string(kHead) + two, Options{}, sim);
  REQUIRE(s.simulation.ok);
  REQUIRE(s.simulation.statevector.size() == 4);
  const double h = 0.5;
  const std::complex<double> want[4] = {{0, h}, {0, -h}, {-h, 0}, {h, 0}};  // index = b(q0) + 2 b(q1)
  for (int i = 0; i < 4; ++i) CHECK(std::abs(s.simulation.statevector[i] - want[i]) < 1e-12);
  // Labels: the last character is qubit 0. '1+' puts qubit 0 in |+> and qubit 1 in |1>.
  s = simulate(std::string(kHead) + "qc = QuantumCircuit(2)\nqc.initialize('1+', [0, 1])\n", Options{}, sim);
  REQUIRE(s.simulation.ok);
  CHECK(std::abs(s.simulation.statevector[2] - std::complex<double>(1 / std::sqrt(2.0))) < 1e-12);
  CHECK(std::abs(s.simulation.statevector[3] - std::complex<double>(1 / std::sqrt(2.0))) < 1e-12);
  // An integer is a basis state over the qubits given: 2 on [0, 1] is |10>, index 2.
  s = simulate(std::string(kHead) + "qc = QuantumCircuit(3)\nqc.x(2)\nqc.initialize(2, [0, 1])\n", Options{}, sim);
  REQUIRE(s.simulation.ok);
  CHECK(std::abs(s.simulation.statevector[2 + 4] - std::complex<double>(1)) < 1e-12);
  // initialize resets first: after h, it still gives exactly its state, in every trajectory.
  SimOptions shots;
  shots.shots = 300;
  s = simulate(std::string(kHead) + "qc = QuantumCircuit(1, 1)\nqc.h(0)\nqc.initialize([0, 1], 0)\nqc.measure(0, 0)\n",
               Options{}, shots);
  REQUIRE(s.simulation.ok);
  REQUIRE(s.simulation.counts.size() == 1);
  CHECK(s.simulation.counts[0].first == "1");
  // StatePreparation does not reset: on a qubit that is not |0>, its action is Qiskit's synthesis,
  // so the simulation refuses it rather than guess.
  s = simulate(std::string(kHead) + "qc = QuantumCircuit(1)\nqc.h(0)\nqc.prepare_state([0, 1], 0)\n", Options{}, shots);
  CHECK_FALSE(s.simulation.ok);
  CHECK(s.simulation.error.code == "E501");
  r =
      py("from qiskit.circuit.library import StatePreparation\nqc = QuantumCircuit(2)\nsp = StatePreparation([0.6, "
         "0.8])\nqc.append(sp, [1])\nqc.prepare_state('01')\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "state_preparation:2");
  // Qiskit's errors: amplitudes whose squares do not sum to 1, a length that is no power of 2, a
  // state for the wrong number of qubits; initialize is no gate for to_gate().
  CHECK(find(py("qc = QuantumCircuit(1)\nqc.initialize([1, 1], 0)\n"), "E609"));
  CHECK(py("qc = QuantumCircuit(1)\nqc.initialize([1, 1], 0, normalize=True)\n").valid);
  CHECK(find(py("qc = QuantumCircuit(2)\nqc.initialize([1, 0, 0], [0, 1])\n"), "E609"));
  CHECK(find(py("qc = QuantumCircuit(2)\nqc.initialize([1, 0], [0, 1])\n"), "E607"));
  CHECK(find(py("a = QuantumCircuit(1)\na.initialize([0, 1], 0)\ng = a.to_gate()\n"), "E605"));
}

TEST_CASE("UnitaryGate and qc.unitary: a matrix checked to be unitary, in Qiskit's bit order", "[python][unitary]") {
  // Qiskit's matrix convention: qubit argument k is bit k of the row index. This matrix is CX
  // with qubit 0 controlling qubit 1.
  const std::string cx = "[[1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0]]";
  Report r =
      py("from qiskit.circuit.library import UnitaryGate\nqc = QuantumCircuit(2)\n"
         "qc.append(UnitaryGate(" +
         cx + "), [0, 1])\nqc.unitary(" + cx + ", [1, 0], label='u')\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "unitary:2");
  CHECK(r.metrics.nonlocal_gates == 2);
  const std::string expect_cx = "qc = QuantumCircuit(2)\nqc.cx(0, 1)\nqc.cx(1, 0)\n";
  const Equivalence e = equivalent(std::string(kHead) + "from qiskit.circuit.library import UnitaryGate\n" +
                                       "qc = QuantumCircuit(2)\nqc.append(UnitaryGate(" + cx + "), [0, 1])\n" +
                                       "qc.unitary(" + cx + ", [1, 0])\n",
                                   std::string(kHead) + expect_cx);
  REQUIRE(e.ok);
  CHECK(e.equivalent);
  // Complex entries, numpy arrays and e^{i phi}: S as a matrix is the s gate.
  const Equivalence s = equivalent(std::string(kHead) +
                                       "import numpy as np\nqc = QuantumCircuit(1)\n"
                                       "qc.unitary(np.array([[1, 0], [0, np.exp(1j * np.pi / 2)]]), 0)\n",
                                   std::string(kHead) + "qc = QuantumCircuit(1)\nqc.s(0)\n");
  REQUIRE(s.ok);
  CHECK(s.equivalent);
  // Not unitary, not square, not a power of two: Qiskit's errors.
  CHECK(find(py("qc = QuantumCircuit(1)\nqc.unitary([[1, 1], [0, 1]], 0)\n"), "E609"));
  CHECK(find(py("qc = QuantumCircuit(1)\nqc.unitary([[1, 0, 0], [0, 1, 0], [0, 0, 1]], 0)\n"), "E609"));
  CHECK(find(py("qc = QuantumCircuit(2)\nqc.unitary([[0, 1], [1, 0]], [0, 1])\n"), "E607"));
}

TEST_CASE("complex numbers: literals, arithmetic, abs, numpy.exp, printing", "[python][complex]") {
  // 2j * (1 + 1j) == -2 + 2j, abs(3 + 4j) == 5: the assert fails the file if either is wrong.
  CHECK(py("assert 2j * (1 + 1j) == -2 + 2j\nassert abs(3 + 4j) == 5\nassert str(1j) == '1j'\n"
           "assert str(1 - 2j) == '(1-2j)'\nqc = QuantumCircuit(1)\n")
            .valid);
  CHECK(find(py("assert 1j == 2j\nqc = QuantumCircuit(1)\n"), "E611"));
  // A complex value is no gate angle.
  CHECK(find(py("qc = QuantumCircuit(1)\nqc.rx(1j, 0)\n"), "E605"));
}

// The Qiskit 2 spelling of teleportation's corrections, with an else branch and a for_loop.
// Layers: ry(0) h(1) 1, cx(1,2) 2, cx(0,1) 3, h(0) 4, measure q0 -> c0 5, measure q1 -> c1 4,
// if c1: x(2) (q2 at 2, c1 at 4) 5, if c0: z(2) else id(2) (q2 and c0 at 5) 6, for_loop on q2 7,
// ry(2) 8, measure 9.
TEST_CASE("if_test, else_ and for_loop blocks count once each and run per trajectory", "[python][control]") {
  const std::string body = R"py(import numpy as np
qr = QuantumRegister(3, "q")
cr = ClassicalRegister(3, "c")
qc = QuantumCircuit(qr, cr)
qc.ry(1.2, 0)
qc.h(1)
qc.cx(1, 2)
qc.cx(0, 1)
qc.h(0)
qc.measure(0, 0)
qc.measure(1, 1)
with qc.if_test((cr[1], 1)):
    qc.x(2)
with qc.if_test((cr[0], 1)) as else_:
    qc.z(2)
with else_:
    qc.id(2)
with qc.for_loop(range(3)) as i:
    qc.rx(np.pi / 2 * i, 2)
    qc.rx(-np.pi / 2 * i, 2)
qc.ry(-1.2, 2)
qc.measure(2, 2)
)py";
  Report r = py(body);
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.metrics.depth == 9);
  CHECK(r.metrics.size == 12);
  CHECK(test::counts_of(r) == "measure:3 ry:2 h:2 cx:2 if_else:2 for_loop:1");
  CHECK(r.parameters.empty());  // the loop's Parameter is the loop's, not the circuit's
  // The state ry(1.2)|0> is teleported to q2 and undone there, so c2 always reads 0; without the
  // corrections it would not.
  SimOptions sim;
  sim.shots = 300;
  Report s = simulate(std::string(kHead) + body, Options{}, sim);
  REQUIRE(s.simulation.ok);
  for (const auto& [bits, n] : s.simulation.counts) CHECK(bits[0] == '0');
  std::string wrong = body;
  wrong.replace(wrong.find("    qc.z(2)"), 11, "    qc.id(2)");
  wrong.replace(wrong.find("    qc.id(2)\nwith qc.for"), 12, "    qc.z(2)");  // z in the else branch
  s = simulate(std::string(kHead) + wrong, Options{}, sim);
  REQUIRE(s.simulation.ok);
  uint64_t ones = 0;
  for (const auto& [bits, n] : s.simulation.counts) ones += bits[0] == '1' ? n : 0;
  CHECK(ones > 10);
  // while_loop counts once; the simulator says it does not run it.
  const std::string loop =
      "qc = QuantumCircuit(1, 1)\nqc.h(0)\nqc.measure(0, 0)\nwith qc.while_loop((qc.clbits[0], 1)):\n"
      "    qc.h(0)\n    qc.measure(0, 0)\n";
  r = py("qc = QuantumCircuit(1, 1)\nqc.measure(0, 0)\nwith qc.while_loop((qc.clbits[0], 1)):\n    qc.x(0)\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "measure:1 while_loop:1");
  // Refused with a reason: a measurement inside a block, a with over anything else, an else_
  // that does not follow its if_test.
  CHECK(find(py(loop), "E603"));
  CHECK(find(py("with open('f') as f:\n    pass\nqc = QuantumCircuit(1)\n"), "E603"));
  CHECK(find(py("qc = QuantumCircuit(1, 1)\nwith qc.if_test((qc.clbits[0], 1)) as e:\n    qc.x(0)\nqc.h(0)\n"
                "with e:\n    qc.x(0)\n"),
             "E605"));
}

namespace {
// The code's circuit and the hand-built one are the same unitary.
bool same_unitary(const std::string& a, const std::string& b) {
  const Equivalence e = equivalent(std::string(kHead) + a, std::string(kHead) + b);
  INFO(e.error.message);
  REQUIRE(e.ok);
  return e.equivalent;
}
const char* kLib =
    "from qiskit.circuit.library import RealAmplitudes, EfficientSU2, TwoLocal, ZZFeatureMap, ZFeatureMap, "
    "PauliFeatureMap, GroverOperator\nimport numpy as np\n";
}  // namespace

// One instruction named like the class (n_local/, data_preparation/, grover_operator.py in Qiskit
// 1.0.0), its Parameters in Qiskit's order, its body as Qiskit builds it: checked gate by gate in
// the expanded counts and as a unitary against the same circuit written by hand.
TEST_CASE("library circuits: TwoLocal, RealAmplitudes, EfficientSU2, the feature maps, GroverOperator",
          "[python][library]") {
  const std::string lib = kLib;
  // A VQE-style ansatz after a feature map, composed: one instruction each.
  Report r = py(lib +
                "qc = QuantumCircuit(3)\nqc.compose(ZZFeatureMap(3, reps=2), inplace=True)\n"
                "qc.compose(RealAmplitudes(3, reps=1), inplace=True)\nqc.measure_all()\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "measure:3 ZZFeatureMap:1 RealAmplitudes:1 barrier:1");
  CHECK(r.metrics.depth == 3);  // the two gates, then the measures (the barrier adds no layer)
  // ZZFeatureMap(3, reps=2): per repetition h on 3, p(2x) on 3, then (cx p cx) per pair of 'full'.
  // RealAmplitudes(3, reps=1): ry on 3, cx(1,2) cx(0,1) (reverse_linear), ry on 3.
  CHECK(test::counts_text(r.expanded.gate_types) == "cx:14 p:12 h:6 ry:6 measure:3 barrier:1");
  REQUIRE(r.parameters.size() == 9);
  CHECK(r.parameters[0] == "x[0]");
  CHECK(r.parameters[3] == "θ[0]");
  CHECK(r.parameters[8] == "θ[5]");
  // The bodies, bound, against the same gates written by hand.
  CHECK(same_unitary(
      lib + "qc = TwoLocal(2, 'ry', 'cx', reps=1).assign_parameters([0.1, 0.2, 0.3, 0.4])\n",
      "qc = QuantumCircuit(2)\nqc.ry(0.1, 0)\nqc.ry(0.2, 1)\nqc.cx(0, 1)\nqc.ry(0.3, 0)\nqc.ry(0.4, 1)\n"));
  CHECK_FALSE(same_unitary(lib + "qc = TwoLocal(2, 'ry', 'cx', reps=1).assign_parameters([0.1, 0.2, 0.3, 0.4])\n",
                           "qc = QuantumCircuit(2)\nqc.ry(0.2, 0)\nqc.ry(0.1, 1)\nqc.cx(0, 1)\nqc.ry(0.3, 0)\n"
                           "qc.ry(0.4, 1)\n"));
  CHECK(same_unitary(lib + "qc = EfficientSU2(2, reps=1).assign_parameters(list(range(8)))\n",
                     "qc = QuantumCircuit(2)\nqc.ry(0, 0)\nqc.ry(1, 1)\nqc.rz(2, 0)\nqc.rz(3, 1)\nqc.cx(0, 1)\n"
                     "qc.ry(4, 0)\nqc.ry(5, 1)\nqc.rz(6, 0)\nqc.rz(7, 1)\n"));
  CHECK(same_unitary(lib + "qc = ZZFeatureMap(2, reps=1).assign_parameters([0.3, 0.5])\n",
                     "import numpy as np\nqc = QuantumCircuit(2)\nqc.h(0)\nqc.h(1)\nqc.p(0.6, 0)\nqc.p(1.0, 1)\n"
                     "qc.cx(0, 1)\nqc.p(2 * (np.pi - 0.3) * (np.pi - 0.5), 1)\nqc.cx(0, 1)\n"));
  CHECK(same_unitary(lib + "qc = PauliFeatureMap(2, reps=1, paulis=['X', 'YZ']).assign_parameters([0.3, 0.5])\n",
                     "import numpy as np\nqc = QuantumCircuit(2)\nqc.h(0)\nqc.h(1)\n"
                     "qc.h(0)\nqc.p(0.6, 0)\nqc.h(0)\nqc.h(1)\nqc.p(1.0, 1)\nqc.h(1)\n"
                     "qc.rx(np.pi / 2, 1)\nqc.cx(0, 1)\nqc.p(2 * (np.pi - 0.3) * (np.pi - 0.5), 1)\nqc.cx(0, 1)\n"
                     "qc.rx(-np.pi / 2, 1)\n"));
  // Entangler maps (n_local.py): full, linear, circular, sca (rotated, reversed on odd reps), pairwise.
  r = py(lib +
         "qc = QuantumCircuit(4)\nqc.compose(TwoLocal(4, 'ry', 'cx', 'circular', reps=1, flatten=True), "
         "inplace=True)\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "ry:8 cx:4");
  CHECK(py(lib + "qc = TwoLocal(4, 'ry', 'cz', 'pairwise', reps=2, flatten=True)\n").metrics.size == 12 + 6);
  CHECK(py(lib + "qc = TwoLocal(4, 'rx', 'crz', 'full', reps=1, flatten=True)\n").parameters.size() == 8 + 6);
  CHECK(same_unitary(lib + "qc = TwoLocal(3, [], 'cx', 'sca', reps=2, skip_final_rotation_layer=True, flatten=True)\n",
                     "qc = QuantumCircuit(3)\nqc.cx(2, 0)\nqc.cx(0, 1)\nqc.cx(1, 2)\n"
                     "qc.cx(2, 1)\nqc.cx(0, 2)\nqc.cx(1, 0)\n"));
  // Grover: oracle, H^3 inverted, the reflection about |000> (x, h, ccx, h, x), H^3: one gate "Q".
  const std::string oracle = "oracle = QuantumCircuit(3)\noracle.cz(0, 2)\n";
  r = py(lib + oracle + "qc = QuantumCircuit(3)\nqc.h(range(3))\nqc.append(GroverOperator(oracle), range(3))\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "h:3 Q:1");
  CHECK(same_unitary(lib + oracle + "qc = GroverOperator(oracle)\n",
                     "qc = QuantumCircuit(3)\nqc.cz(0, 2)\nqc.h([2, 1, 0])\nqc.x([0, 1, 2])\nqc.h(2)\n"
                     "qc.ccx(0, 1, 2)\nqc.h(2)\nqc.x([0, 1, 2])\nqc.h([0, 1, 2])\n"));
  // Errors as Qiskit raises them.
  CHECK(find(py(lib + "qc = TwoLocal(3, 'ry', 'cx', 'diagonal')\n"), "E609"));
  CHECK(find(py(lib + "qc = TwoLocal(3, 'qq', 'cx')\n"), "E609"));
  CHECK(find(py(lib + "qc = ZZFeatureMap(1)\n"), "E609"));
}

TEST_CASE("decompose, reverse_bits, remove_final_measurements, measure_active, compose(front=True)",
          "[python][circuits]") {
  // decompose() opens one level and keeps the unitary: a gate made from a circuit shows its
  // gates, a standard gate its definition (Qiskit 1.0: h is u2(0, pi), ccx six cx and t/tdg/h).
  const std::string g = "g = QuantumCircuit(2, name='g')\ng.h(0)\ng.cx(0, 1)\n";
  Report r = py(g + "qc = QuantumCircuit(3)\nqc.append(g.to_gate(), [1, 2])\nqc.ccx(0, 1, 2)\nqd = qc.decompose()\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.circuit == "qd");
  CHECK(find(r, "W601") == nullptr);  // qc is superseded by its decomposition
  CHECK(test::count_of(r.metrics.gate_types, "g") == 0);
  CHECK(test::count_of(r.metrics.gate_types, "cx") == 7);
  CHECK(
      same_unitary(g + "c = QuantumCircuit(3)\nc.append(g.to_gate(), [1, 2])\nc.ccx(0, 1, 2)\nc.rzz(0.4, 0, 2)\n"
                       "qc = c.decompose(reps=2)\n",
                   g + "qc = QuantumCircuit(3)\nqc.append(g.to_gate(), [1, 2])\nqc.ccx(0, 1, 2)\nqc.rzz(0.4, 0, 2)\n"));
  // A decomposition passed to run code is not the circuit reported.
  r =
      py("from qiskit_aer import AerSimulator\nqc = QuantumCircuit(2)\nqc.h(0)\nqc.cx(0, 1)\n"
         "AerSimulator().run(qc.decompose())\n");
  REQUIRE(r.valid);
  CHECK(r.circuit == "qc");
  CHECK(test::counts_of(r) == "h:1 cx:1");
  // reverse_bits: qubit q becomes n-1-q; the unitary matches the circuit written reversed.
  CHECK(same_unitary("c = QuantumCircuit(3)\nc.h(0)\nc.cx(0, 2)\nc.rz(0.3, 1)\nqc = c.reverse_bits()\n",
                     "qc = QuantumCircuit(3)\nqc.h(2)\nqc.cx(2, 0)\nqc.rz(0.3, 1)\n"));
  // remove_final_measurements: the final measures and barrier go, and the register they wrote.
  r = py("qc = QuantumCircuit(2)\nqc.h(0)\nqc.cx(0, 1)\nqc.measure_all()\nqc.remove_final_measurements()\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "h:1 cx:1");
  CHECK(r.clbits == 0);
  // A measurement followed by a gate on its qubit is not final.
  r = py("qc = QuantumCircuit(1, 1)\nqc.measure(0, 0)\nqc.x(0)\nqc.measure(0, 0)\nqc.remove_final_measurements()\n");
  CHECK(test::counts_of(r) == "measure:1 x:1");
  // measure_active: a register 'measure' of the qubits in use, a barrier on all, the measures.
  r = py("qc = QuantumCircuit(3)\nqc.h(0)\nqc.x(2)\nqc.measure_active()\n");
  REQUIRE(r.valid);
  CHECK(r.clbits == 2);
  CHECK(test::counts_of(r) == "measure:2 h:1 x:1 barrier:1");
  // compose(front=True): the other circuit first.
  CHECK(same_unitary("a = QuantumCircuit(1)\na.h(0)\nb = QuantumCircuit(1)\nb.s(0)\nqc = a.compose(b, front=True)\n",
                     "qc = QuantumCircuit(1)\nqc.s(0)\nqc.h(0)\n"));
  CHECK_FALSE(same_unitary("a = QuantumCircuit(1)\na.h(0)\nb = QuantumCircuit(1)\nb.s(0)\nqc = a.compose(b)\n",
                           "qc = QuantumCircuit(1)\nqc.s(0)\nqc.h(0)\n"));
  // compose keeps c_if conditions, on the clbits they are mapped to.
  Options opt;
  opt.include_operations = true;
  r = validate(std::string(kHead) +
                   "p = QuantumCircuit(1, 1)\np.x(0).c_if(0, 1)\nqc = QuantumCircuit(2, 2)\n"
                   "qc.compose(p, [1], [1], inplace=True)\n",
               opt);
  REQUIRE(r.valid);
  REQUIRE(r.operations.size() == 1);
  CHECK(r.operations[0].has_condition);
  CHECK(r.operations[0].condition_creg == "c[1]");
}

TEST_CASE("control(): named forms, c<name> for gates made from circuits, matrices where Qiskit has none",
          "[python][control]") {
  const std::string lib = "from qiskit.circuit.library import HGate, ZGate, XGate, PhaseGate, MCMT, PhaseEstimation\n";
  // add_control.py: cu_rot, ccu_rot, c3u_rot; HGate's ch, then cch; ZGate's cz; XGate's cx, ccx,
  // mcx; PhaseGate's cp, then mcphase.
  Report r = py(lib +
                "u = QuantumCircuit(1, name='u_rot')\nu.rx(0.3, 0)\nu.rz(0.2, 0)\ng = u.to_gate()\n"
                "qc = QuantumCircuit(4)\nqc.append(g.control(), [0, 3])\nqc.append(g.control(2), [0, 1, 3])\n"
                "qc.append(g.control(3), [0, 1, 2, 3])\nqc.append(HGate().control(), [0, 1])\n"
                "qc.append(HGate().control(2), [0, 1, 2])\nqc.append(ZGate().control(), [0, 1])\n"
                "qc.append(XGate().control(3), [0, 1, 2, 3])\nqc.append(PhaseGate(0.1).control(2), [0, 1, 2])\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "cu_rot:1 ccu_rot:1 c3u_rot:1 ch:1 cch:1 cz:1 mcx:1 mcphase:1");
  // Each is the controlled unitary: checked against the same written with named gates.
  CHECK(same_unitary(lib + "u = QuantumCircuit(1, name='u_rot')\nu.rx(0.3, 0)\nu.rz(0.2, 0)\n"
                           "qc = QuantumCircuit(2)\nqc.append(u.to_gate().control(), [0, 1])\n",
                     "qc = QuantumCircuit(2)\nqc.crx(0.3, 0, 1)\nqc.crz(0.2, 0, 1)\n"));
  CHECK_FALSE(same_unitary(lib + "u = QuantumCircuit(1, name='u_rot')\nu.rx(0.3, 0)\nu.rz(0.2, 0)\n"
                                 "qc = QuantumCircuit(2)\nqc.append(u.to_gate().control(), [0, 1])\n",
                           "qc = QuantumCircuit(2)\nqc.crx(0.3, 1, 0)\nqc.crz(0.2, 1, 0)\n"));
  // H = Ry(pi/4) Z Ry(-pi/4), so the doubly controlled H is ry(-pi/4), h ccx h, ry(pi/4) on the target.
  CHECK(same_unitary(lib + "qc = QuantumCircuit(3)\nqc.append(HGate().control(2), [0, 1, 2])\n",
                     "import numpy as np\nqc = QuantumCircuit(3)\nqc.ry(-np.pi / 4, 2)\nqc.h(2)\nqc.ccx(0, 1, 2)\n"
                     "qc.h(2)\nqc.ry(np.pi / 4, 2)\n"));
  // QuantumCircuit.control(): c_<name> holding c<name>, controls first.
  r =
      py("bell = QuantumCircuit(2, name='bell')\nbell.h(0)\nbell.cx(0, 1)\nqc = QuantumCircuit(3)\n"
         "qc.append(bell.control(), [2, 0, 1])\nqc.compose(bell.control(), [2, 0, 1], inplace=True)\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "c_bell:1 cbell:1");
  // MCMT: one controlled gate; composed, its name (2 controls, 2 targets: cc2-Z); appended, mcmt.
  r = py(lib +
         "qc = QuantumCircuit(4)\nqc.compose(MCMT(ZGate(), 2, 2), inplace=True)\n"
         "qc.append(MCMT('z', 1, 1), [0, 1])\nqc.compose(MCMT('cx', 3, 1), inplace=True)\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "cc2-Z:1 mcmt:1 mcx:1");
  CHECK(same_unitary(lib + "qc = MCMT('z', 2, 2)\n",
                     "qc = QuantumCircuit(4)\nqc.h(2)\nqc.ccx(0, 1, 2)\nqc.h(2)\nqc.h(3)\nqc.ccx(0, 1, 3)\nqc.h(3)\n"));
  // PhaseEstimation: one QPE gate; inside, h on the evaluation qubits, cT**1, cT**2, cT**4 and the
  // inverse QFT without swaps on the reversed evaluation qubits (IQFT_dg).
  r = py(lib +
         "from math import pi\nu = QuantumCircuit(1, name='T')\nu.p(pi / 4, 0)\nqpe = PhaseEstimation(3, u)\n"
         "qc = qpe.decompose()\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "h:3 cT**1:1 cT**2:1 cT**4:1 IQFT_dg:1");
  CHECK(py(lib + "u = QuantumCircuit(1, name='T')\nqc = QuantumCircuit(4)\nqc.append(PhaseEstimation(3, u), "
                 "range(4))\n")
            .metrics.gate_types.front()
            .name == "QPE");
}

TEST_CASE("star imports: qiskit's names bound, run code's names inert", "[python][imports]") {
  // The older tutorials' style: every name from qiskit, plot_histogram from the visualization star.
  Report r =
      run("from qiskit import *\nfrom qiskit.visualization import *\nfrom qiskit.circuit.library import *\n"
          "qr = QuantumRegister(2)\ncr = ClassicalRegister(2)\nqc = QuantumCircuit(qr, cr)\nqc.h(qr[0])\n"
          "qc.append(CXGate(), [0, 1])\nqc.measure(qr, cr)\nbackend = Aer.get_backend('qasm_simulator')\n"
          "job = execute(qc, backend, shots=1024)\nplot_histogram(job.result().get_counts(qc))\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "measure:2 h:1 cx:1");
  CHECK(test::count_code(r, "I601") == 2);
  // Older spellings: qiskit.extensions, qiskit.tools.monitor, qiskit.__version__ (the one dunder read).
  r = run(
      "import qiskit\nfrom qiskit import QuantumCircuit, execute, Aer\nfrom qiskit.tools.monitor import job_monitor\n"
      "from qiskit.extensions import UnitaryGate\nprint(qiskit.__version__)\nassert qiskit.__version__ == '1.0.0'\n"
      "qc = QuantumCircuit(1)\nqc.append(UnitaryGate([[0, 1], [1, 0]]), [0])\n"
      "job = execute(qc, Aer.get_backend('qasm_simulator'))\njob_monitor(job)\n");
  INFO(test::errors_of(r));
  CHECK(r.valid);
  CHECK(find(run("from qiskit import QuantumCircuit\nqc = QuantumCircuit(1)\nx = qc.__class__\n"), "E603"));
  // A name no star import gives is still an error, and a star from anywhere else is refused.
  CHECK(find(run("from qiskit import *\nqc = QuantumCircuit(1)\nqc.h(q)\n"), "E604"));
  CHECK(find(run("from os import *\n"), "E603"));
}

TEST_CASE("quantum_info's Statevector and Operator: data that builds the circuit is read", "[python][initialize]") {
  // An initial state and a matrix given through quantum_info; Statevector(qc) afterwards is skipped.
  const std::string src = std::string(kHead) +
                          "from qiskit.quantum_info import Statevector, Operator\nfrom qiskit.circuit.library import "
                          "UnitaryGate\nimport numpy as np\nqc = QuantumCircuit(2)\n"
                          "qc.initialize(Statevector.from_label('+1'), [0, 1])\n"
                          "qc.append(UnitaryGate(Operator([[0, 1], [1, 0]])), [1])\n"
                          "sv = Statevector(qc)\nprint(sv.probabilities())\n";
  Report r = run(src);
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "initialize:1 unitary:1");
  CHECK(test::count_code(r, "I601") == 1);
  CHECK(py("from qiskit.quantum_info import Statevector\nqc = QuantumCircuit(1)\n"
           "qc.initialize(Statevector([0, 1j]), 0)\n")
            .valid);
  // '+1': qubit 0 is |1>, qubit 1 is |+>, and X on qubit 1 leaves it |+>: amplitudes at 1 and 3.
  SimOptions sim;
  sim.shots = 0;
  sim.statevector = true;
  const Report s = simulate(src, Options{}, sim);
  REQUIRE(s.simulation.ok);
  REQUIRE(s.simulation.statevector.size() == 4);
  CHECK(std::abs(s.simulation.statevector[1] - std::complex<double>(1 / std::sqrt(2.0))) < 1e-12);
  CHECK(std::abs(s.simulation.statevector[3] - std::complex<double>(1 / std::sqrt(2.0))) < 1e-12);
}

// IBM's VQE guide: the ansatz sized by the observable, the observable itself run code.
TEST_CASE("an observable sizes the ansatz: SparsePauliOp's num_qubits is read, the rest skipped", "[python][run]") {
  const std::string head =
      "from qiskit.quantum_info import SparsePauliOp\nfrom qiskit.circuit.library import EfficientSU2\n";
  Report r = run(head +
                 "h = SparsePauliOp.from_list([('YZI', 0.39), ('ZIZ', -0.39)])\n"
                 "ansatz = EfficientSU2(h.num_qubits)\nhl = h.apply_layout(None)\n");
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.qubits == 3);
  CHECK(test::counts_of(r) == "EfficientSU2:1");
  CHECK(test::count_code(r, "I601") == 1);
  CHECK(run(head + "ansatz = EfficientSU2(SparsePauliOp(['XX', 'ZZ']).num_qubits)\n").qubits == 2);
  CHECK(run(head + "h = SparsePauliOp.from_sparse_list([('ZZ', [0, 3], 1.0)], num_qubits=5)\n"
                   "ansatz = EfficientSU2(h.num_qubits)\n")
            .qubits == 5);
  // Anything else of it stays unknown: a circuit built from it depends on a run.
  CHECK(find(run(head + "h = SparsePauliOp.from_list([('ZZ', 1)])\nansatz = EfficientSU2(h.dim)\n"), "E613"));
}
