// Qiskit Python with the control flow people write around circuits: functions (defaults,
// keywords, recursion, closures, lambdas), if/elif/else, while/break/continue, comparisons,
// boolean operators, conditional expressions, dicts, assert. Each file is in the style of Qiskit's
// textbook and tutorials; the figures are Qiskit 1.0's, worked by hand from its rules (depth(): a
// gate sits one layer above the latest of its wires; size() skips barriers; count_ops() by count,
// ties in order of first appearance).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "helpers.hpp"

using namespace qvet;
using qvet::test::check_report_invariants;
using qvet::test::find;
using qvet::test::run;

namespace {

struct Case {
  const char* name;
  const char* code;
  uint64_t qubits, clbits, depth, size, nonlocal;
  const char* counts;  // count_ops in Qiskit's order
};

const Case kCases[] = {
    // The textbook's QFT: recursion over n, a loop of controlled phases, swaps at the end.
    // h(3) cp(0,3) cp(1,3) cp(2,3) h(2) cp(0,2) cp(1,2) h(1) cp(0,1) h(0) swap(0,3) swap(1,2):
    // layers q3: 1,2,3,4; q2: 5,6,7; q1: 8,9; q0: 10; swap(0,3) 11, swap(1,2) 10.
    {"textbook QFT, recursive",
     R"py(from qiskit import QuantumCircuit
import numpy as np

def qft_rotations(circuit, n):
    """Performs qft on the first n qubits in circuit (without swaps)"""
    if n == 0:  # Exit function if circuit is empty
        return circuit
    n -= 1  # Indexes start from 0
    circuit.h(n)  # Apply the H-gate to the most significant qubit
    for qubit in range(n):
        # For each less significant qubit, we need to do a
        # smaller-angled controlled rotation:
        circuit.cp(np.pi/2**(n-qubit), qubit, n)
    # At the end of our function, we call the same function again on
    # the next qubits (we reduced n by one earlier in the function)
    qft_rotations(circuit, n)

def swap_registers(circuit, n):
    for qubit in range(n//2):
        circuit.swap(qubit, n-qubit-1)
    return circuit

def qft(circuit, n):
    """QFT on the first n qubits in circuit"""
    qft_rotations(circuit, n)
    swap_registers(circuit, n)
    return circuit

qc = QuantumCircuit(4)
qft(qc, 4)
qc.draw()
)py",
     4, 0, 11, 12, 8, "cp:6 h:4 swap:2"},
    // Deutsch-Jozsa with a balanced oracle chosen by string comparisons and indexing.
    // h 0,1,2 (1); x3 (1) h3 (2); x0 (2) x2 (2); cx(0,3) 3; cx(1,3) 4; cx(2,3) 5; x0 4; x2 6;
    // h0 5 h1 5 h2 7; measure 0..2: 6, 6, 8.
    {"Deutsch-Jozsa, oracle by case",
     R"py(from qiskit import QuantumCircuit

def add_oracle(qc, case, n):
    if case == "balanced":
        b_str = "101"
        for qubit in range(len(b_str)):
            if b_str[qubit] == '1':
                qc.x(qubit)
        for qubit in range(n):
            qc.cx(qubit, n)
        for qubit in range(len(b_str)):
            if b_str[qubit] == '1':
                qc.x(qubit)
    elif case == "constant":
        output = 1
        if output == 1:
            qc.x(n)
    else:
        raise_it = True

def dj_circuit(n, case="balanced"):
    dj = QuantumCircuit(n + 1, n)
    for qubit in range(n):
        dj.h(qubit)
    dj.x(n)
    dj.h(n)
    add_oracle(dj, case, n)
    for qubit in range(n):
        dj.h(qubit)
    for i in range(n):
        dj.measure(i, i)
    return dj

n = 3
dj = dj_circuit(n)
print(dj.depth())
)py",
     4, 3, 8, 18, 3, "h:7 x:5 cx:3 measure:3"},
    // while with break and continue, a counter, a keyword argument and a default.
    // Layers: h0 1, cx 2, h0 3, cx 4 (round 2 is skipped by the continue); measure_all's barrier
    // lines both wires up at 4, the measures are at 5.
    {"while, break, continue",
     R"py(from qiskit import QuantumCircuit

def entangle(circuit, control=0, target=1):
    circuit.h(control)
    circuit.cx(control, target)

qc = QuantumCircuit(2)
layer = 0
while True:
    layer += 1
    if layer == 2:
        continue
    entangle(qc, target=1)
    if layer >= 3:
        break
qc.measure_all()
)py",
     2, 2, 5, 6, 2, "h:2 cx:2 measure:2 barrier:1"},
    // Conditional expressions, chained comparisons, and/or/not, in/not in, is None.
    // i=1: rx(0.1) on 1; i=3: rx(0.2) on 0; i=4: ry on 1 (4 in evens, 4 not in skip).
    {"conditions in a loop",
     R"py(from qiskit import QuantumCircuit
qc = QuantumCircuit(3)
evens = [0, 2, 4]
skip = (0, 2)
limit = None
for i in range(5):
    angle = 0.1 if i < 2 else 0.2
    if 0 < i <= 3 and not i == 2:
        qc.rx(angle, i % 3)
    elif i in evens and i not in skip or limit is not None:
        qc.ry(angle, 1)
if limit is None and len(evens) == 3:
    qc.cx(0, 2)
)py",
     3, 0, 2, 4, 1, "rx:2 ry:1 cx:1"},
    // A dict of angles read with items(), get() and indexing; a lambda with a default.
    {"dict of angles, lambda",
     R"py(from qiskit import QuantumCircuit
import math
angles = {"q0": math.pi / 2, "q1": math.pi / 4}
scale = lambda x, k=2: x / k
qc = QuantumCircuit(2)
for name, theta in angles.items():
    qc.ry(scale(theta), int(name[1]))
qc.rz(angles.get("q2", 0.0), 0)
qc.cx(0, 1)
if "q1" in angles and angles["q1"] < 1:
    qc.h(1)
)py",
     2, 0, 4, 5, 1, "ry:2 rz:1 cx:1 h:1"},
    // Closures and a function returning a circuit it builds: the returned one is reported.
    {"closures and returned circuits",
     R"py(from qiskit import QuantumCircuit

def make_layer(n):
    def layer(circuit):
        for q in range(n - 1):
            circuit.cx(q, q + 1)
    return layer

def ghz(n):
    circ = QuantumCircuit(n)
    circ.h(0)
    make_layer(n)(circ)
    return circ

qc = ghz(5)
assert qc.num_qubits == 5, "GHZ on five qubits"
)py",
     5, 0, 5, 5, 4, "cx:4 h:1"},
    // A marked-state oracle from a bitstring: bin, zfill, reversed, enumerate; then the builtins
    // sorted, all, any, divmod, pow, isinstance and str/list methods.
    // h 0,1,2 (1); x1 (2); h2 (2); ccx (3); h2 (4); x1 (4); rz on 2 (5); barrier.
    {"oracle from a bitstring, builtins",
     R"py(from qiskit import QuantumCircuit
n = 3
marked = 5
bits = bin(marked)[2:].zfill(n)
assert bits == "101" and bits.count("1") == 2
qc = QuantumCircuit(n)
qc.h(range(n))
for i, b in enumerate(reversed(bits)):
    if b == '0':
        qc.x(i)
qc.h(n - 1)
qc.ccx(0, 1, 2)
qc.h(n - 1)
for i, b in enumerate(reversed(bits)):
    if b == '0':
        qc.x(i)
targets = sorted([2, 0, 1], reverse=True)
assert targets == [2, 1, 0] and all([t < n for t in targets])
q, r = divmod(7, 3)
qc.rz(pow(2, -1) * r, q)
names = "h x ccx".split()
names.insert(0, "rz")
if isinstance(marked, int) and any([c == '1' for c in bits]) and names.index("x") == 2:
    qc.barrier()
label = "-".join(names).upper()
assert label.startswith("RZ-H") and pow(3, 4, 5) == 1 and names.pop() == "ccx"
)py",
     3, 0, 5, 9, 1, "h:5 x:2 ccx:1 rz:1 barrier:1"},
};

}  // namespace

TEST_CASE("Python with functions and control flow gives Qiskit's figures", "[python][flow]") {
  for (const Case& c : kCases) {
    INFO(c.name);
    const Report r = run(c.code);
    INFO(test::errors_of(r));  // shown with any failure below
    REQUIRE(r.valid);
    CHECK(r.format == "python");
    CHECK(r.qubits == c.qubits);
    CHECK(r.clbits == c.clbits);
    CHECK(r.metrics.depth == c.depth);
    CHECK(r.metrics.size == c.size);
    CHECK(r.metrics.nonlocal_gates == c.nonlocal);
    CHECK(test::counts_of(r) == c.counts);
    check_report_invariants(r, c.code);
  }
}

TEST_CASE("Python control flow: errors at their line and column", "[python][flow]") {
  const std::string head = "from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\n";
  auto first_error = [&](const std::string& body) {
    const Report r = run(head + body);
    CHECK_FALSE(r.valid);
    for (const Diagnostic& d : r.diagnostics)
      if (d.severity == Severity::Error) return d;
    return Diagnostic{};
  };
  // A failing assert, with its message.
  Diagnostic d = first_error("n = 3\nassert n % 2 == 0, 'n must be even'\n");
  CHECK(d.code == "E611");
  CHECK(d.span.line == 4);
  CHECK(d.message.find("n must be even") != std::string::npos);
  // Recursion without end: E612 at the call that goes one level too deep.
  d = first_error("def down(k):\n    qc.h(0)\n    return down(k + 1)\ndown(0)\n");
  CHECK(d.code == "E612");
  CHECK(d.span.line == 5);
  // Loops and calls share one budget: a loop that never ends stops at E608, with or without
  // instructions in it (the budget ends before the instruction bound).
  CHECK(first_error("while True:\n    pass\n").code == "E608");
  CHECK(first_error("while True:\n    qc.h(0)\n").code == "E608");
  CHECK(first_error("def f(n):\n    return f(n - 1) + f(n - 1) if n else 1\nf(60)\n").code == "E608");
  // Python's own errors: arguments, break outside a loop, return outside a function, keys.
  d = first_error("def f(a, b=1):\n    return a\nf()\n");
  CHECK(d.code == "E605");
  CHECK(d.message == "f() missing required argument 'a'");
  CHECK(first_error("def f(a):\n    return a\nf(1, a=2)\n").message == "f() got multiple values for argument 'a'");
  CHECK(first_error("break\n").code == "E601");
  CHECK(first_error("return 1\n").code == "E601");
  d = first_error("d = {'a': 1}\nqc.h(d['b'])\n");
  CHECK(d.code == "E606");
  CHECK(d.span.line == 4);
  CHECK(first_error("x = [1] < 'a'\n").code == "E605");
  // A Parameter has no truth value.
  CHECK(first_error("from qiskit.circuit import Parameter\nt = Parameter('t')\nif t:\n    qc.h(0)\n").code == "E605");
}

TEST_CASE("Python control flow: hostile loops and recursion stop fast", "[python][flow][limits]") {
  // Each would run for ever, or for 2^60 calls, if executed; the bounds stop them.
  const char* hostile[] = {
      "while True:\n    pass\n",
      "def f(n):\n    return f(n - 1) + f(n - 1) if n else 1\nf(60)\n",
      "def f():\n    return f()\nf()\n",
      "x = 0\nwhile x < 10**18:\n    x += 1\n",
      "fs = [lambda: 0 for i in range(10**9)]\n",
  };
  for (const char* body : hostile) {
    const std::string src = std::string("from qiskit import QuantumCircuit\nqc = QuantumCircuit(1)\n") + body;
    INFO(body);
    const Report r = run(src);
    CHECK_FALSE(r.valid);
    check_report_invariants(r, src);
  }
}

// Code that runs, submits, transpiles or plots the circuit is recognised and skipped, with one
// info per kind; the report is for the circuit as built.
TEST_CASE("run and plot code is skipped with an info, and the circuit is reported as built", "[python][run]") {
  struct RunCase {
    const char* name;
    const char* code;
    uint64_t qubits, depth, size;
    const char* counts;
    std::vector<std::string> infos;  // the I601 messages' kinds, in order
  };
  const RunCase cases[] = {
      {"Aer run, transpile, counts, plot",
       R"py(from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram
import matplotlib.pyplot as plt

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.measure(range(3), range(3))

simulator = AerSimulator()
compiled = transpile(qc, simulator)
job = simulator.run(compiled, shots=1024)
result = job.result()
counts = result.get_counts(compiled)
print("Total count for 000 and 111 are:", counts)
if counts.get("000", 0) > 400:
    print("mostly zeros")
for outcome, n in counts.items():
    print(outcome, n)
plot_histogram(counts)
plt.show()
)py",
       3,
       4,
       6,
       "measure:3 cx:2 h:1",
       {"runs the circuit on a simulator", "transpiles", "draws, plots"}},
      {"IBM Runtime sampler",
       R"py(from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2 as Sampler
from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
bell.measure_all()

service = QiskitRuntimeService()
backend = service.least_busy(operational=True, simulator=False)
pm = generate_preset_pass_manager(backend=backend, optimization_level=1)
isa_circuit = pm.run(bell)
sampler = Sampler(mode=backend)
job = sampler.run([isa_circuit])
print(f">>> Job ID: {job.job_id()}")
pub_result = job.result()[0]
)py",
       2,
       3,
       4,
       "measure:2 h:1 cx:1 barrier:1",
       {"submits the circuit to IBM Quantum", "transpiles"}},
  };
  for (const RunCase& c : cases) {
    INFO(c.name);
    const Report r = run(c.code);
    INFO(test::errors_of(r));  // shown with any failure below
    REQUIRE(r.valid);
    CHECK(r.qubits == c.qubits);
    CHECK(r.metrics.depth == c.depth);
    CHECK(r.metrics.size == c.size);
    CHECK(test::counts_of(r) == c.counts);
    std::vector<const Diagnostic*> infos;
    for (const Diagnostic& d : r.diagnostics)
      if (d.severity == Severity::Info) infos.push_back(&d);
    REQUIRE(infos.size() == c.infos.size());
    for (size_t i = 0; i < infos.size(); ++i) {
      CHECK(infos[i]->code == "I601");
      CHECK(infos[i]->message.find(c.infos[i]) != std::string::npos);
    }
    check_report_invariants(r, c.code);
    // An info is neither an error nor a warning in the old service's fields.
    const std::string json = to_json(r);
    CHECK(json.find("\"severity\":\"info\",\"code\":\"I601\"") != std::string::npos);
    CHECK(json.find("\"warnings\":[]") != std::string::npos);
  }
}

TEST_CASE("a value from run code that reaches the circuit is an error at that line", "[python][run]") {
  const std::string src =
      "from qiskit import QuantumCircuit\nfrom qiskit_aer import AerSimulator\nqc = QuantumCircuit(2)\n"
      "result = AerSimulator().run(qc).result()\nshots = result.get_counts()['00']\nqc.rx(shots / 1000, 0)\n";
  const Report r = run(src);
  CHECK_FALSE(r.valid);
  const Diagnostic* d = find(r, "E613");
  REQUIRE(d);
  CHECK(d->span.line == 6);
  CHECK(d->span.column == 7);
  CHECK(d->message.find("runs the circuit on a simulator") != std::string::npos);
  // random is refused outright: the circuit would differ from run to run.
  const Report rnd = run("import random\nfrom qiskit import QuantumCircuit\nqc = QuantumCircuit(1)\n");
  REQUIRE(find(rnd, "E603"));
  CHECK(find(rnd, "E603")->message.find("change from run to run") != std::string::npos);
}

TEST_CASE("notebook magics and shell lines are skipped with an info", "[python][run]") {
  const std::string src =
      "!pip install qiskit qiskit-aer\n%matplotlib inline\nfrom qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\n"
      "qc.h(0)\n  %time qc.cx(0, 1)\nqc.cx(0, 1)\ndisplay(qc.draw('mpl'))\n";
  const Report r = run(src);
  REQUIRE(r.valid);
  CHECK(r.metrics.size == 2);
  const Diagnostic* d = find(r, "I602");
  REQUIRE(d);
  CHECK(d->severity == Severity::Info);
  CHECK(d->span.line == 1);
  CHECK(test::count_code(r, "I602") == 1);
  CHECK(find(r, "I601"));  // display() is notebook output
  check_report_invariants(r, src);
}

// Sub-circuits as Qiskit 1.0 counts them: compose copies the operations inline (in place, or into
// a new circuit), to_gate()/append(circuit) add one instruction named like the circuit, which the
// expanded figures open. A circuit used only as a part is never the one reported.
TEST_CASE("compose, to_gate and appended circuits give Qiskit's figures", "[python][subcircuits]") {
  struct SubCase {
    const char* name;
    const char* code;
    uint64_t depth, size, nonlocal;
    const char* counts;
    uint64_t expanded_depth;
    const char* expanded_counts;
  };
  const SubCase cases[] = {
      {"compose in place on chosen qubits",
       R"py(from qiskit import QuantumCircuit
bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
qc = QuantumCircuit(4, 4)
qc.compose(bell, qubits=[0, 1], inplace=True)
qc.compose(bell, qubits=[2, 3], inplace=True)
qc.measure(range(4), range(4))
)py",
       3, 8, 2, "measure:4 h:2 cx:2", 3, "measure:4 h:2 cx:2"},
      // h h (1); cz (2); h h (3); z z (4); cz (5); h h (6); measure (7).
      {"Grover by compose into new circuits",
       R"py(from qiskit import QuantumCircuit
oracle = QuantumCircuit(2)
oracle.cz(0, 1)
diffuser = QuantumCircuit(2)
diffuser.h([0, 1])
diffuser.z([0, 1])
diffuser.cz(0, 1)
diffuser.h([0, 1])
grover = QuantumCircuit(2)
grover.h([0, 1])
grover = grover.compose(oracle)
grover = grover.compose(diffuser)
grover.measure_all()
)py",
       7, 12, 2, "h:6 cz:2 z:2 measure:2 barrier:1", 7, "h:6 cz:2 z:2 measure:2 barrier:1"},
      // Two 'bell' gates side by side (1), the barrier, the measures (2); expanded: h, cx, measure.
      {"to_gate, appended twice",
       R"py(from qiskit import QuantumCircuit
sub = QuantumCircuit(2, name="bell")
sub.h(0)
sub.cx(0, 1)
g = sub.to_gate()
qc = QuantumCircuit(4)
qc.append(g, [0, 1])
qc.append(g, [2, 3])
qc.measure_all()
)py",
       2, 6, 2, "measure:4 bell:2 barrier:1", 3, "measure:4 h:2 cx:2 barrier:1"},
      // append(circuit) is to_instruction(); a gate made from a circuit that holds one nests.
      {"append a circuit, nested",
       R"py(from qiskit import QuantumCircuit
inner = QuantumCircuit(1, name="flip")
inner.x(0)
outer = QuantumCircuit(2, name="pair")
outer.append(inner, [0])
outer.append(inner, [1])
outer.cx(0, 1)
qc = QuantumCircuit(2)
qc.append(outer.to_gate(), [1, 0])
qc.h(0)
)py",
       2, 2, 1, "pair:1 h:1", 3, "x:2 cx:1 h:1"},
  };
  for (const SubCase& c : cases) {
    INFO(c.name);
    const Report r = run(c.code);
    INFO(test::errors_of(r));  // shown with any failure below
    REQUIRE(r.valid);
    CHECK(r.metrics.depth == c.depth);
    CHECK(r.metrics.size == c.size);
    CHECK(r.metrics.nonlocal_gates == c.nonlocal);
    CHECK(test::counts_of(r) == c.counts);
    CHECK(r.expanded.depth == c.expanded_depth);
    CHECK(test::counts_text(r.expanded.gate_types) == c.expanded_counts);
    CHECK_FALSE(find(r, "W601"));  // the parts are not rivals of the circuit that holds them
    check_report_invariants(r, c.code);
  }
  // Qiskit's refusals: a gate cannot hold a measurement; composing a bigger circuit.
  const Report m =
      run("from qiskit import QuantumCircuit\nsub = QuantumCircuit(1)\nsub.h(0)\nsub.reset(0)\ng = sub.to_gate()\n");
  REQUIRE(find(m, "E605"));
  CHECK(find(m, "E605")->message.find("cannot be converted to a gate") != std::string::npos);
  const Report big = run(
      "from qiskit import QuantumCircuit\na = QuantumCircuit(3)\nb = QuantumCircuit(2)\nb.compose(a, inplace=True)\n");
  REQUIRE(find(big, "E607"));
  CHECK(find(big, "E607")->message.find("more 'in' edges") != std::string::npos);
}

TEST_CASE("an appended circuit simulates as its operations", "[python][subcircuits][sim]") {
  const std::string src =
      "from qiskit import QuantumCircuit\nsub = QuantumCircuit(2, name='bell')\nsub.h(0)\nsub.cx(0, 1)\n"
      "qc = QuantumCircuit(2)\nqc.append(sub.to_gate(), [0, 1])\nqc.measure_all()\n";
  SimOptions sim;
  sim.shots = 1000;
  sim.seed = 7;
  const Report r = simulate(src, {}, sim);
  REQUIRE(r.simulation.ok);
  uint64_t same = 0, total = 0;
  for (const auto& [key, n] : r.simulation.counts) {
    total += n;
    if (key == "00" || key == "11") same += n;
  }
  CHECK(total == 1000);
  CHECK(same == 1000);  // a Bell pair: the two bits always agree
}

// qiskit.circuit.library.QFT as Qiskit 1.0 builds and names it.
TEST_CASE("QFT from the circuit library: one instruction, opened by the expanded figures", "[python][library]") {
  const char* head = "from qiskit import QuantumCircuit\nfrom qiskit.circuit.library import QFT\n";
  // Appended: one QFT on 4 qubits between x(0) and measure_all; expanded: h 4, cp 6, swap 2.
  Report r =
      run(std::string(head) + "qc = QuantumCircuit(4)\nqc.x(0)\nqc.append(QFT(4), range(4))\nqc.measure_all()\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "measure:4 x:1 QFT:1 barrier:1");
  CHECK(r.metrics.depth == 3);
  CHECK(r.metrics.size == 6);
  CHECK(test::counts_text(r.expanded.gate_types) == "cp:6 h:4 measure:4 swap:2 x:1 barrier:1");
  // Composed, the inverse shows its inner gate, IQFT_dg; appended, IQFT.
  r = run(std::string(head) +
          "qc = QuantumCircuit(3)\nqc.compose(QFT(3, inverse=True), inplace=True)\n"
          "qc.append(QFT(3, inverse=True), [0, 1, 2])\n");
  REQUIRE(r.valid);
  CHECK(test::counts_of(r) == "IQFT_dg:1 IQFT:1");
  // approximation_degree drops the smallest rotations; do_swaps=False drops the swaps.
  r = run(std::string(head) +
          "qc = QuantumCircuit(4)\nqc.append(QFT(4, approximation_degree=2, do_swaps=False), range(4))\n");
  REQUIRE(r.valid);
  CHECK(test::counts_text(r.expanded.gate_types) == "h:4 cp:3");
  // The QFT's unitary is the discrete Fourier transform (with the swaps, in Qiskit's bit order).
  const UnitaryResult u = unitary(std::string(head) + "qc = QuantumCircuit(3)\nqc.append(QFT(3), range(3))\n");
  REQUIRE(u.ok);
  const double pi = 3.141592653589793238462643383279502884;
  double worst = 0;
  for (size_t row = 0; row < 8; ++row)
    for (size_t col = 0; col < 8; ++col)
      worst = std::max(
          worst, std::abs(u.matrix[row * 8 + col] - std::polar(1 / std::sqrt(8.0), 2 * pi * double(row * col) / 8)));
  CHECK(worst < 1e-12);
  // A QFT too large to build is refused before its gates are stored.
  CHECK(find(run(std::string(head) + "q = QFT(10**5)\n"), "E404"));
}

// The issue's whole-file case: a tutorial-style file with def, if, compose, QFT and Aer run and
// plot code. Qiskit's figures for the circuit as built: x(0) x(2) (5 = 0b0101), a barrier, one QFT,
// four measures: depth 3 (x, QFT, measure), size 7; three kinds of run code skipped.
TEST_CASE("a tutorial file with def, if, compose, QFT and Aer run code", "[python][run][library]") {
  const std::string src = R"py(# Quantum Fourier transform of a prepared state, run on Aer
from qiskit import QuantumCircuit, transpile
from qiskit.circuit.library import QFT
from qiskit_aer import AerSimulator
from qiskit.visualization import plot_histogram
import numpy as np

def prepare(n, value):
    """Encode `value` in binary on n qubits."""
    qc = QuantumCircuit(n)
    for i in range(n):
        if (value >> i) & 1:
            qc.x(i)
    return qc

n = 4
state = prepare(n, 5)
circuit = QuantumCircuit(n, n)
circuit.compose(state, inplace=True)
circuit.barrier()
circuit.append(QFT(n, do_swaps=True), range(n))
circuit.measure(range(n), range(n))

backend = AerSimulator()
job = backend.run(transpile(circuit, backend), shots=2048)
counts = job.result().get_counts()
print(counts)
plot_histogram(counts)
)py";
  const Report r = run(src);
  REQUIRE(r.valid);
  CHECK(r.circuit == "circuit");
  CHECK(test::counts_of(r) == "measure:4 x:2 barrier:1 QFT:1");
  CHECK(r.metrics.depth == 3);
  CHECK(r.metrics.size == 7);
  // Expanded: x 1 (the barrier lines up at 1); h3 2, cp(3,2) 3, cp(3,1) 4, cp(3,0) 5; h2 4,
  // cp(2,1) 5, cp(2,0) 6; h1 6, cp(1,0) 7; h0 8; swap(0,3) 9, swap(1,2) 8; measures 10, 9, 9, 10.
  CHECK(r.expanded.depth == 10);
  CHECK(test::count_code(r, "I601") == 3);
  CHECK_FALSE(find(r, "W601"));
  check_report_invariants(r, src);
}
