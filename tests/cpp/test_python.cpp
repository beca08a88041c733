// The Qiskit Python front end: realistic snippets in the style of Qiskit's tutorials, each with the
// qubits, depth, size and count_ops Qiskit reports for it (worked out by hand from Qiskit's rules:
// barriers add no depth but line their qubits up; count_ops sorts by count, then first use).
#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace qvet;
using qvet::test::check_report_invariants;
using qvet::test::find;
using qvet::test::run;

namespace {

struct Snippet {
  const char* name;
  const char* code;
  uint64_t qubits, clbits, depth, size, gates;
  const char* counts;  // count_ops in Qiskit's order, "name:count ..."
};

const Snippet kSnippets[] = {
    {"the old service's Bell example",
     R"(from qiskit import QuantumCircuit

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])
)",
     2, 2, 3, 4, 4, "measure:2 h:1 cx:1"},
    {"GHZ state with a loop and measure_all",
     R"(from qiskit import QuantumCircuit
n = 5
qc = QuantumCircuit(n)
qc.h(0)
for i in range(n - 1):
    qc.cx(i, i + 1)
qc.measure_all()
)",
     5, 5, 6, 10, 11, "measure:5 cx:4 h:1 barrier:1"},
    {"QFT written out, with reversed() and integer division",
     R"(from qiskit import QuantumCircuit
from math import pi

n = 3
qc = QuantumCircuit(n)
for j in reversed(range(n)):
    qc.h(j)
    for k in reversed(range(j)):
        qc.cp(pi / 2 ** (j - k), k, j)
for i in range(n // 2):
    qc.swap(i, n - i - 1)
)",
     3, 0, 6, 7, 7, "h:3 cp:3 swap:1"},
    {"two-qubit Grover with list broadcasting",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(2, 2)
qc.h([0, 1])
qc.cz(0, 1)  # oracle marks |11>
qc.h([0, 1]); qc.z([0, 1]); qc.cz(0, 1); qc.h([0, 1])
qc.measure([0, 1], [0, 1])
)",
     2, 2, 7, 12, 12, "h:6 cz:2 z:2 measure:2"},
    {"Bernstein-Vazirani with named registers",
     R"(from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister
qr = QuantumRegister(3, 'q')
anc = QuantumRegister(1, 'ancilla')
cr = ClassicalRegister(3, 'c')
qc = QuantumCircuit(qr, anc, cr)
qc.x(anc[0])
qc.h(anc[0])
qc.h(qr)
for i in range(3):
    qc.cx(qr[i], anc[0])
qc.h(qr)
qc.measure(qr, cr)
)",
     4, 3, 7, 14, 14, "h:7 cx:3 measure:3 x:1"},
    {"a parameterized ansatz with a comprehension of Parameters",
     R"(from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
n = 3
thetas = [Parameter(f"θ{i}") for i in range(2 * n)]
qc = QuantumCircuit(n)
for i in range(n):
    qc.ry(thetas[i], i)
for i in range(n - 1):
    qc.cx(i, i + 1)
for i in range(n):
    qc.ry(thetas[n + i], i)
)",
     3, 0, 4, 8, 8, "ry:6 cx:2"},
    {"one control broadcast over a list, one qubit measured into two clbits",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(4, 2)
qc.h(0)
qc.cx(0, [1, 2, 3])
qc.measure(0, [0, 1])
)",
     4, 2, 6, 6, 6, "cx:3 measure:2 h:1"},
    {"slices of qc.qubits and a negative index",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(5)
qc.h(range(5))
qc.cx(qc.qubits[:-1], qc.qubits[1:])
qc.x(-1)
)",
     5, 0, 6, 10, 10, "h:5 cx:4 x:1"},
    {"library gate classes with append",
     R"(from qiskit import QuantumCircuit
from qiskit.circuit.library import HGate, CXGate, RZGate, CCXGate
from math import pi
qc = QuantumCircuit(3)
qc.append(HGate(), [0])
qc.append(CXGate(), [0, 1])
qc.append(RZGate(pi / 4), [1])
qc.append(CCXGate(), [0, 1, 2])
)",
     3, 0, 4, 4, 4, "h:1 cx:1 rz:1 ccx:1"},
    // qc.mcx with five controls is Qiskit 1.0's MCXGrayCode, "mcx_gray"; three give C3XGate, "mcx".
    {"Toffoli, multi-controlled X of three and five controls, Fredkin",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(6)
qc.ccx(0, 1, 2)
qc.mcx([0, 1, 2], 3)
qc.mcx([0, 1, 2, 3, 4], 5)
qc.cswap(0, 1, 2)
)",
     6, 0, 4, 4, 4, "ccx:1 mcx:1 mcx_gray:1 cswap:1"},
    {"teleportation core with barriers and two one-bit registers",
     R"(from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister
from math import pi
qr = QuantumRegister(3, "q")
crz = ClassicalRegister(1, "crz")
crx = ClassicalRegister(1, "crx")
qc = QuantumCircuit(qr, crz, crx)
qc.rx(pi / 3, 0)
qc.h(1)
qc.cx(1, 2)
qc.barrier()
qc.cx(0, 1)
qc.h(0)
qc.barrier()
qc.cx(1, 2)
qc.cz(0, 2)
qc.measure(0, crz[0])
qc.measure(1, crx[0])
)",
     3, 2, 7, 9, 11, "cx:3 h:2 barrier:2 measure:2 rx:1 cz:1"},
    {"QAOA on a ring: tuple assignment, tuple loop targets, two layers",
     R"(import numpy as np
from qiskit import QuantumCircuit
n = 4
edges = [(0, 1), (1, 2), (2, 3), (3, 0)]
gamma, beta = 0.8, 0.4
qc = QuantumCircuit(n)
qc.h(range(n))
for p in range(2):
    for (i, j) in edges:
        qc.rzz(2 * gamma, i, j)
    qc.rx(2 * beta, range(n))
qc.measure_all()
)",
     4, 4, 12, 24, 25, "rzz:8 rx:8 h:4 measure:4 barrier:1"},
    {"Deutsch-Jozsa with a balanced oracle",
     R"(from qiskit import QuantumCircuit
n = 3
qc = QuantumCircuit(n + 1, n)
qc.x(n)
qc.h(range(n + 1))
for q in range(n):
    qc.cx(q, n)
qc.h(range(n))
qc.measure(range(n), range(n))
)",
     4, 3, 7, 14, 14, "h:7 cx:3 measure:3 x:1"},
    {"phase estimation of T with an augmented assignment and the inverse QFT",
     R"(from qiskit import QuantumCircuit
import math

qc = QuantumCircuit(4, 3)
qc.x(3)
for q in range(3):
    qc.h(q)
repetitions = 1
for counting_qubit in range(3):
    for i in range(repetitions):
        qc.cp(math.pi / 4, counting_qubit, 3)
    repetitions *= 2
qc.swap(0, 2)
for j in range(3):
    for m in range(j):
        qc.cp(-math.pi / float(2 ** (j - m)), m, j)
    qc.h(j)
qc.barrier()
qc.measure(range(3), range(3))
)",
     4, 3, 15, 21, 22, "cp:10 h:6 measure:3 x:1 swap:1 barrier:1"},
    {"keyword arguments by Qiskit's names",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(3)
qc.rx(theta=0.5, qubit=2)
qc.cx(control_qubit=0, target_qubit=1)
qc.crz(0.25, control_qubit=2, target_qubit=0)
)",
     3, 0, 2, 3, 3, "rx:1 cx:1 crz:1"},
    {"multi-line calls, a backslash continuation and comments",
     R"(from qiskit import QuantumCircuit
from numpy import pi
qc = QuantumCircuit(2)
qc.u(pi / 2,      # theta
     0,
     pi, 0)
angle = pi / 4 + \
    pi / 8
qc.crz(angle, 0, 1)
)",
     2, 0, 2, 2, 2, "u:1 crz:1"},
    {"add_register after the constructor, enumerate over a register",
     R"(from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister
qr = QuantumRegister(3)
cr = ClassicalRegister(3)
qc = QuantumCircuit(qr)
qc.add_register(cr)
for i, q in enumerate(qr):
    qc.rx(i * 0.1, q)
qc.measure(qr, cr)
)",
     3, 3, 2, 6, 6, "rx:3 measure:3"},
    {"pairs from zip and an explicit list of edges",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(3)
for a, b in zip([0, 1, 2], [1, 2, 0]):
    qc.rzz(0.5, a, b)
qc.ryy(0.1, 0, 2)
)",
     3, 0, 4, 4, 4, "rzz:3 ryy:1"},
    {"measure_all without new bits, and a barrier over a register and a list",
     R"(from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister
a = QuantumRegister(2, "a")
b = QuantumRegister(2, "b")
c = ClassicalRegister(4, "c")
qc = QuantumCircuit(a, b, c)
qc.h(a)
qc.barrier(a, [2])
qc.cx(a, b)
qc.measure_all(add_bits=False)
)",
     4, 4, 3, 8, 10, "measure:4 h:2 barrier:2 cx:2"},
    {"reset, id, sx, sxdg, t, tdg, s, sdg, y",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(1)
qc.reset(0)
qc.id(0); qc.sx(0); qc.sxdg(0); qc.t(0); qc.tdg(0); qc.s(0); qc.sdg(0); qc.y(0)
)",
     1, 0, 9, 9, 9, "reset:1 id:1 sx:1 sxdg:1 t:1 tdg:1 s:1 sdg:1 y:1"},
    {"legacy u1/u2/u3/cu1/cu3 and cu",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(2)
qc.u1(0.1, 0)
qc.u2(0.1, 0.2, 1)
qc.u3(0.1, 0.2, 0.3, 0)
qc.cu1(0.5, 0, 1)
qc.cu3(0.1, 0.2, 0.3, 1, 0)
qc.cu(0.1, 0.2, 0.3, 0.4, 0, 1)
)",
     2, 0, 5, 6, 6, "u1:1 u2:1 u3:1 cu1:1 cu3:1 cu:1"},
    {"Qiskit-only two-qubit gates",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(3)
qc.iswap(0, 1)
qc.dcx(1, 2)
qc.ecr(0, 2)
qc.rzx(0.3, 2, 1)
qc.ch(0, 1)
qc.cy(1, 2)
)",
     3, 0, 6, 6, 6, "iswap:1 dcx:1 ecr:1 rzx:1 ch:1 cy:1"},
    {"import qiskit, qualified names",
     R"(import qiskit
import math
qc = qiskit.QuantumCircuit(2)
qc.p(math.tau / 8, 0)
qc.crx(math.sqrt(2), 0, 1)
qc.cry(math.asin(0.5), 1, 0)
)",
     2, 0, 3, 3, 3, "p:1 crx:1 cry:1"},
    {"operator precedence: -2 ** 2 is -4 and 2 + 3 * 2 is 8",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(2 + 3 * 2)
qc.x(-2 ** 2)
qc.h(7 % 3)
qc.z(2 ** 3 - 1)
qc.s(int(7 / 2))
)",
     8, 0, 1, 4, 4, "x:1 h:1 z:1 s:1"},
    {"QuantumCircuit(8 / 2): a float that is an integer is accepted, as in Qiskit",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(8 / 2)
qc.h(range(4))
)",
     4, 0, 1, 4, 4, "h:4"},
    {"lists built with append and extended with +=",
     R"(from qiskit import QuantumCircuit
targets = []
for i in range(1, 4):
    targets.append(i)
targets += [4]
qc = QuantumCircuit(5)
qc.h(0)
qc.cx(0, targets)
)",
     5, 0, 5, 5, 5, "cx:4 h:1"},
    {"print and draw are read and ignored",
     R"(from qiskit import QuantumCircuit
qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
print(qc)
print("depth:", qc.depth(), "ops:", qc.count_ops())
qc.draw()
qc.draw(output="mpl")
)",
     2, 0, 2, 2, 2, "h:1 cx:1"},
    {"library classes with parameters and MCXGate",
     R"(from qiskit import QuantumCircuit
from qiskit.circuit.library import RYGate, CRZGate, MCXGate, SwapGate, U3Gate
qc = QuantumCircuit(5)
qc.append(RYGate(0.3), [4])
qc.append(CRZGate(theta=0.2), [4, 3])
qc.append(MCXGate(4), [0, 1, 2, 3, 4])
qc.append(SwapGate(), [0, 4])
qc.append(U3Gate(0.1, 0.2, 0.3), [2])
)",
     5, 0, 4, 5, 5, "ry:1 crz:1 mcx:1 swap:1 u3:1"},
    {"register slices and a register-wide reset",
     R"(from qiskit import QuantumCircuit, QuantumRegister
data = QuantumRegister(4, "data")
qc = QuantumCircuit(data)
qc.reset(data)
qc.h(data[1:3])
qc.cz(data[0], data[-1])
qc.swap(data[::2], data[1::2])
)",
     4, 0, 3, 9, 9, "reset:4 h:2 swap:2 cz:1"},
    {"a hardware-efficient ansatz with numpy angles",
     R"(import numpy as np
from qiskit import QuantumCircuit
n, layers = 3, 2
angles = [0.1 * k for k in range(n * layers)]
qc = QuantumCircuit(n)
for layer in range(layers):
    for q in range(n):
        qc.ry(np.arcsin(angles[layer * n + q]), q)
    for q in range(n - 1):
        qc.cz(q, q + 1)
)",
     3, 0, 6, 10, 10, "ry:6 cz:4"},
};

}  // namespace

TEST_CASE("realistic Qiskit snippets give Qiskit's figures", "[python]") {
  for (const Snippet& s : kSnippets) {
    INFO(s.name);
    Report r = run(s.code);
    INFO(test::errors_of(r));
    REQUIRE(r.valid);
    CHECK(r.format == "python");
    CHECK(r.qubits == s.qubits);
    CHECK(r.clbits == s.clbits);
    CHECK(r.metrics.depth == s.depth);
    CHECK(r.metrics.size == s.size);
    CHECK(r.gates == s.gates);
    CHECK(test::counts_of(r) == s.counts);
  }
}

namespace {
const char* kHead = "from qiskit import QuantumCircuit\nqc = QuantumCircuit(3)\n";

// The first error of code `code`, which must be at line:column.
void expect_error(const std::string& src, const std::string& code, uint32_t line, uint32_t column) {
  INFO(src);
  Report r = run(src);
  INFO(test::errors_of(r));
  CHECK_FALSE(r.valid);
  const Diagnostic* d = find(r, code);
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->span.line == line);
  CHECK(d->span.column == column);
}
}  // namespace

TEST_CASE("constructs outside the static subset are refused at their line and column", "[python][refuse]") {
  struct Case {
    const char* line3;  // the third line, after kHead
    uint32_t column;
  };
  const Case cases[] = {
      {"import os", 8},
      {"from subprocess import run", 6},
      {"import random", 8},
      {"from requests import get", 6},
      {"import numpy as np; np.random.rand()", 24},
      {"global qc", 1},
      {"class C: pass", 1},
      {"f = lambda *a: 0", 12},
      {"def f(a, /): pass", 10},
      {"del qc", 1},
      {"raise ValueError('x')", 1},
      {"eval('qc.h(0)')", 1},
      {"exec('import os')", 1},
      {"open('/tmp/x', 'w')", 1},
      {"__import__('os')", 1},
      {"qc.__class__", 4},
      {"getattr(qc, 'h')(0)", 1},
      {"name = f\"{3:n}\"", 13},

      {"with open('x') as f: pass", 6},
      {"try: qc.h(0)", 1},
      {"d = {k: 0 for k in 'ab'}", 11},
      {"s = {0, 1}", 7},
      {"qc.c_if", 4},
      {"qc.h(0).label", 9},
      {"qc2 = qc.reverse_ops()", 10},
      {"x = [*y]", 6},
      {"x = {**y}", 6},
      {"qc.cx(0, 1, ctrl_state=0)", 24},
  };
  for (const Case& c : cases) expect_error(std::string(kHead) + c.line3 + "\n", "E603", 3, c.column);
}

TEST_CASE("Python's semantics where they show", "[python][semantics]") {
  // Indices: negative ones count from the end; out of range is Qiskit's error at the argument.
  expect_error(std::string(kHead) + "qc.h(3)\n", "E606", 3, 6);
  expect_error(std::string(kHead) + "qc.cx(0, -4)\n", "E606", 3, 10);
  expect_error(
      "from qiskit import QuantumRegister, QuantumCircuit\nq = QuantumRegister(2)\nqc = "
      "QuantumCircuit(q)\nqc.x(q[2])\n",
      "E606", 4, 8);
  // A bit of a register the circuit does not have.
  expect_error(
      "from qiskit import QuantumRegister, QuantumCircuit\na = QuantumRegister(2)\nb = QuantumRegister(1)\n"
      "qc = QuantumCircuit(a)\nqc.x(b[0])\n",
      "E607", 5, 6);
  // Broadcasting that Qiskit cannot pair, duplicate qubits, measuring into too few clbits.
  expect_error(std::string(kHead) + "qc.cx([0, 1], [0, 1, 2])\n", "E607", 3, 1);
  expect_error(std::string(kHead) + "qc.cx(1, 1)\n", "E607", 3, 1);
  expect_error("from qiskit import QuantumCircuit\nqc = QuantumCircuit(3, 2)\nqc.measure([0, 1, 2], [0, 1])\n", "E607",
               3, 1);
  // Integer and float division: 7 / 2 is 3.5, not a qubit count; 7 // 2 is 3.
  expect_error("from qiskit import QuantumCircuit\nqc = QuantumCircuit(7 / 2)\n", "E605", 2, 21);
  CHECK(run("from qiskit import QuantumCircuit\nqc = QuantumCircuit(7 // 2)\n").qubits == 3);
  CHECK(run("from qiskit import QuantumCircuit\nqc = QuantumCircuit(-7 // 2 + 6)\n").qubits == 2);  // floor: -4
  CHECK(run("from qiskit import QuantumCircuit\nqc = QuantumCircuit(-7 % 3 + 1)\n").qubits == 3);   // 2 + 1
  // Errors of arithmetic, with Python's words.
  expect_error(std::string(kHead) + "qc.rx(1 / 0, 0)\n", "E609", 3, 7);
  expect_error(std::string(kHead) + "n = 2 ** 64\n", "E609", 3, 5);
  expect_error(std::string(kHead) + "qc.h(undefined)\n", "E604", 3, 6);
  expect_error(std::string(kHead) + "qc.h(0.5)\n", "E605", 3, 6);
  expect_error(std::string(kHead) + "qc.rx('a', 0)\n", "E605", 3, 1);
  expect_error(std::string(kHead) + "qc.cnot(0, 1)\n", "E604", 3, 4);
  expect_error(std::string(kHead) + "qc.h(0, 1, 2)\n", "E605", 3, 9);
  expect_error(std::string(kHead) + "qc.rx(0.5)\n", "E605", 3, 1);
  expect_error(std::string(kHead) + "a, b = [1, 2, 3]\n", "E609", 3, 1);
  // A syntax error and an indentation error.
  expect_error(std::string(kHead) + "qc.h(0\n", "E601", 4, 1);
  expect_error(std::string(kHead) + "for i in range(3):\nqc.h(i)\n", "E601", 4, 1);
  expect_error(std::string(kHead) + "  qc.h(0)\n", "E601", 3, 3);
}

TEST_CASE("one error does not cascade: what it would have defined is quietly unknown", "[python][semantics]") {
  Report r = run(std::string(kHead) + "n = eval('3')\nqc.h(n)\nqc.x(n)\nqc.h(7)\n");
  INFO(test::errors_of(r));
  CHECK(test::error_count(r) == 2);  // eval refused; qc.h(7) out of range; nothing about n
  REQUIRE(find(r, "E603"));
  REQUIRE(find(r, "E606"));
  CHECK(find(r, "E606")->span.line == 6);
}

TEST_CASE("which circuit: the last one built or the one named, with a warning when there are several",
          "[python][circuit]") {
  const std::string src =
      "from qiskit import QuantumCircuit\nbell = QuantumCircuit(2)\nbell.h(0)\nbell.cx(0, 1)\n"
      "ghz = QuantumCircuit(3)\nghz.h(0)\nghz.cx(0, [1, 2])\n";
  Report r = run(src);
  REQUIRE(r.valid);
  CHECK(r.qubits == 3);
  CHECK(r.circuit == "ghz");
  const Diagnostic* w = find(r, "W601");
  REQUIRE(w);
  CHECK(w->severity == Severity::Warning);
  CHECK(w->span.line == 5);
  Options named;
  named.circuit = "bell";
  Report b = validate(src, named);
  REQUIRE(b.valid);
  CHECK(b.qubits == 2);
  CHECK(b.circuit == "bell");
  named.circuit = "nope";
  Report n = validate(src, named);
  CHECK_FALSE(n.valid);
  CHECK(find(n, "E610"));
  Report none = run("import math\nx = math.pi\n");
  CHECK_FALSE(none.valid);
  CHECK(find(none, "E610"));
  Report one = run("from qiskit import QuantumCircuit\nqc = QuantumCircuit(1)\nqc.h(0)\n");
  CHECK(find(one, "W601") == nullptr);
}

TEST_CASE("auto tells Python from OpenQASM by the first statement", "[python][format]") {
  CHECK(run("from qiskit import QuantumCircuit\nqc = QuantumCircuit(1)\n").format == "python");
  CHECK(run("#!/usr/bin/env python3\n# a circuit\nimport qiskit\nqc = qiskit.QuantumCircuit(1)\n").format == "python");
  CHECK(run("\"\"\"A Bell pair.\"\"\"\nfrom qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\n").format ==
        "python");
  CHECK(run("qc = QuantumCircuit(2)\n").format == "python");  // a pasted fragment: E604 names the import
  CHECK(find(run("qc = QuantumCircuit(2)\n"), "E604"));
  CHECK(run("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nh q[0];\n").format == "qasm2");
  CHECK(run("// comment\nqreg q[1];\nh q[0];\n").format == "qasm2");
  CHECK(run("qreg q[2];\ncx q[0],q[1];\n").format == "qasm2");
  Options forced;
  forced.format = Format::Python;
  CHECK(validate("qreg q[2];\n", forced).format == "python");
}

TEST_CASE("Parameters: analysis works, simulation asks for their values", "[python][params]") {
  const std::string src =
      "from qiskit import QuantumCircuit\nfrom qiskit.circuit import Parameter\nimport numpy as np\n"
      "theta = Parameter('theta')\nphi = Parameter('phi')\nqc = QuantumCircuit(1)\n"
      "qc.rx(2 * theta - np.pi / 2, 0)\nqc.rz(np.cos(phi) / 2, 0)\nqc.measure_all()\n";
  Report r = run(src);
  REQUIRE(r.valid);
  CHECK(r.metrics.depth == 3);
  CHECK(r.parameters == std::vector<std::string>{"phi", "theta"});
  SimOptions sim;
  sim.shots = 100;
  Report unbound = simulate(src, {}, sim);
  CHECK_FALSE(unbound.simulation.ok);
  CHECK(unbound.simulation.error.code == "E509");
  CHECK(unbound.simulation.error.message.find("'theta'") != std::string::npos);
  // The operations list shows each symbolic parameter as its expression.
  Report ops = test::run_ops(src);
  REQUIRE(ops.operations.size() == 4);
  REQUIRE(ops.operations[0].param_text.size() == 1);
  CHECK(ops.operations[0].param_text[0] == "2*theta - 1.5708");
  CHECK(ops.operations[1].param_text[0] == "cos(phi)/2");
  CHECK(ops.operations[3].param_text.empty());  // measure
  const Report neg = test::run_ops(
      "from qiskit import QuantumCircuit\nfrom qiskit.circuit import Parameter\n"
      "t = Parameter('t')\nqc = QuantumCircuit(1)\nqc.rz(-(t - 1) / t ** 2, 0)\n");
  CHECK(neg.operations[0].param_text[0] == "-(t - 1)/t**2");
  // rx(2*theta - pi/2) with theta = pi/4 is the identity: always 0.
  sim.parameters = {{"theta", M_PI / 4}, {"phi", 0.3}};
  Report bound = simulate(src, {}, sim);
  INFO(bound.simulation.error.message);
  REQUIRE(bound.simulation.ok);
  REQUIRE(bound.simulation.counts.size() == 1);
  CHECK(bound.simulation.counts[0].first == "0");
  sim.parameters = {{"theta", 1}, {"phi", 0}, {"psi", 2}};
  CHECK(simulate(src, {}, sim).simulation.error.code == "E509");
  // Two different Parameter objects with one name in one circuit: Qiskit's name conflict.
  expect_error(
      "from qiskit import QuantumCircuit\nfrom qiskit.circuit import Parameter\nqc = QuantumCircuit(1)\n"
      "qc.rx(Parameter('a'), 0)\nqc.ry(Parameter('a'), 0)\n",
      "E607", 5, 1);
}

TEST_CASE("Python circuits simulate like their OpenQASM twins", "[python][sim]") {
  const std::string py =
      "from qiskit import QuantumCircuit\nqc = QuantumCircuit(3, 3)\nqc.h(0)\nqc.cx(0, [1, 2])\nqc.rzz(0.7, 0, 2)\n"
      "qc.measure(range(3), range(3))\n";
  const std::string qasm =
      "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ncreg c[3];\nh q[0];\ncx q[0],q[1];\ncx q[0],q[2];\n"
      "rzz(0.7) q[0],q[2];\nmeasure q -> c;\n";
  SimOptions sim;
  sim.seed = 11;
  Report a = simulate(py, {}, sim), b = simulate(qasm, {}, sim);
  REQUIRE(a.simulation.ok);
  REQUIRE(b.simulation.ok);
  CHECK(a.simulation.counts == b.simulation.counts);
  CHECK(a.metrics.depth == b.metrics.depth);
  // count_ops() as Qiskit orders it: by count, then first appearance.
  for (const Report* r : {&a, &b}) {
    REQUIRE(r->metrics.gate_types.size() == 4);
    const std::pair<const char*, uint64_t> want[] = {{"measure", 3}, {"cx", 2}, {"h", 1}, {"rzz", 1}};
    for (size_t i = 0; i < 4; ++i) {
      CHECK(r->metrics.gate_types[i].name == want[i].first);
      CHECK(r->metrics.gate_types[i].count == want[i].second);
    }
  }
}

TEST_CASE("hostile code is read, never run, and leaves no trace", "[python][hostile]") {
  const std::string marker = "/tmp/qvet_python_must_not_exist_" + std::to_string(::getpid());
  const std::string attempts[] = {
      "open('" + marker + "', 'w').write('x')\n",
      "__import__('os').system('touch " + marker + "')\n",
      "exec(\"open('" + marker + "', 'w')\")\n",
      "import os\nos.system('touch " + marker + "')\n",
      "import subprocess\nsubprocess.run(['touch', '" + marker + "'])\n",
      "from os import system\nsystem('touch " + marker + "')\n",
      "import pathlib\npathlib.Path('" + marker + "').touch()\n",
      "qc.__class__.__init__.__globals__['os'].system('touch " + marker + "')\n",
      "getattr(__builtins__, 'open')('" + marker + "', 'w')\n",
      "f = lambda: open('" + marker + "', 'w')\nf()\n",
      "def f():\n    open('" + marker + "', 'w')\nf()\n",
      "class A:\n    def __del__(self):\n        open('" + marker + "', 'w')\na = A()\n",
      "print(f\"{open('" + marker + "', 'w')}\")\n",
      "import numpy as np\nnp.save('" + marker + "', [1])\n",
  };
  for (const std::string& a : attempts) {
    const std::string src = std::string(kHead) + a;
    INFO(src);
    Report r = run(src);
    CHECK_FALSE(r.valid);
    CHECK(find(r, "E603"));
    std::ifstream probe(marker);
    CHECK_FALSE(probe.good());
  }
}

TEST_CASE("unrolling and allocation are bounded, with clear errors", "[python][limits]") {
  auto code_of = [](const std::string& src) {
    Report r = run(std::string(kHead) + src);
    return r.diagnostics.empty() ? std::string() : r.diagnostics[0].code;
  };
  CHECK(code_of("for i in range(10**12):\n    pass\n") == "E608");
  CHECK(code_of("for i in range(10**12):\n    qc.h(0)\n") == "E608");  // the steps end first
  CHECK(code_of("x = 'a' * 10**12\n") == "E608");
  CHECK(code_of("x = [0] * 10**9\n") == "E608");
  CHECK(code_of("x = list(range(10**12))\n") == "E615");
  CHECK(code_of("x = 2 ** 10 ** 10\n") == "E609");
  CHECK(code_of("x = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n") == "E407");
  CHECK(code_of("x = " + std::string(5000, '[') + std::string(5000, ']') + "\n") == "E407");
  CHECK(code_of("x = " + std::string(5000, '-') + "1\n") == "E407");
  std::string nested;
  for (int i = 0; i < 300; ++i)
    nested += std::string(static_cast<size_t>(i) * 1, ' ') + "for i" + std::to_string(i) + " in range(1):\n";
  nested += std::string(300, ' ') + "pass\n";
  CHECK(code_of(nested) == "E407");
  Report big = run("from qiskit import QuantumCircuit\nqc = QuantumCircuit(10**12)\n");
  CHECK(find(big, "E402"));
}

// Each bound of the interpreter, reached by the programs that reach it, with its own code at the
// line of the statement that passed it (bench/bench_python.cpp times the same programs).
TEST_CASE("each Python bound stops its program with its own code and line", "[python][limits]") {
  struct Case {
    const char* code;
    int line;  // counted from the line after kHead
    std::string src;
  };
  const std::vector<Case> cases = {
      {"E608", 2, "i = 0\nwhile True:\n    i += 1\n"},                                     // steps: a loop
      {"E608", 2, "def f(n):\n    return 0 if n == 0 else f(n - 1) + f(n - 1)\nf(60)\n"},  // steps: calls
      {"E608", 2, "x = [[0] * 1000] * 1000\ny = str([x] * 1000)\n"},                       // steps: formatting
      {"E608", 1, "x = [0] * 10**12\n"},                                                   // steps: built at once
      {"E615", 1, "x = list(range(10**12))\n"},                                            // memory: elements
      {"E615", 3, "a = []\nfor i in range(10**8):\n    a.append(i)\n"},                    // memory: growing
      {"E615", 1, "x = [i for i in range(10**9)]\n"},                                      // memory: comprehension
      {"E608", 3, "s = 'ab'\nfor i in range(40):\n    s = s + s\n"},                       // steps: a string's bytes
      {"E615", 2, "for i in range(10**7):\n    c = QuantumCircuit(2)\n"},                  // memory: circuits
      {"E615", 3, "big = QuantumCircuit(1000)\nfor i in range(10**7):\n    big.h(range(1000))\n"},  // instructions
      {"E615", 2, "for i in range(10**8):\n    def g():\n        return 1\n"},                      // memory: functions
      {"E616", 3, "a = []\nfor i in range(1000):\n    a = [a]\n"},                                  // nesting
      {"E612", 2, "def f(n):\n    return f(n + 1)\nf(0)\n"},                                        // recursion
  };
  const int head_lines = static_cast<int>(std::count(kHead, kHead + std::strlen(kHead), '\n'));
  for (const Case& c : cases) {
    INFO(c.src);
    const Report r = run(std::string(kHead) + c.src);
    Diagnostic d;
    for (const Diagnostic& e : r.diagnostics)
      if (e.severity == Severity::Error) {
        d = e;
        break;
      }
    CHECK(d.code == c.code);
    CHECK(d.span.line == head_lines + c.line);
    CHECK(d.span.column >= 1);
  }
  // The instruction bound itself, below the memory one when it is set lower.
  Options opt;
  opt.limits.max_instructions = 1000;
  const Report r = qvet::validate(std::string(kHead) + "for i in range(10**12):\n    qc.h(0)\n", opt);
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].code == "E404");
  // And an ordinary program is far from every bound.
  CHECK(test::error_count(run(std::string(kHead) + "for i in range(100000):\n    qc.h(i % 2)\n")) == 0);
}

TEST_CASE("every prefix of a Python program is handled without a crash", "[python][robust]") {
  const std::string src = kSnippets[13].code;  // phase estimation: loops, nesting, augmented assignment
  for (size_t n = 0; n <= src.size(); ++n) {
    check_report_invariants(validate(src.substr(0, n)), src.substr(0, n));
  }
  // And every single-byte corruption of it.
  const char bytes[] = {'\0', '(', ')', '[', ':', '\n', ' ', '\t', '"', '\\', '#', '\xff', '=', ','};
  for (size_t i = 0; i < src.size(); i += 3)
    for (char b : bytes) {
      std::string s = src;
      s[i] = b;
      check_report_invariants(validate(s), s);
    }
}

TEST_CASE("lists cannot contain themselves, and nesting is bounded", "[python][limits]") {
  auto first_code = [](const std::string& src) {
    Report r = run(std::string(kHead) + src);
    return r.diagnostics.empty() ? std::string() : r.diagnostics[0].code;
  };
  CHECK(first_code("a = []\nfor i in range(100000):\n    a = [a]\n") == "E616");
  CHECK(first_code("t = ()\nfor i in range(100000):\n    t = (t,)\n") == "E616");
  CHECK(first_code("a = []\na.append(a)\n") == "E603");
  CHECK(first_code("a = [1]\na += [a]\n") == "E603");
  CHECK(first_code("a = []\na.extend([(a, 1)])\n") == "E603");
  CHECK(test::error_count(run(std::string(kHead) + "pairs = []\nfor i in range(2):\n    pairs.append((i, i + 1))\n"
                                                   "qc.cx(pairs[0][0], pairs[1][1])\n")) == 0);
  CHECK(first_code("qc2 = QuantumCircuit([1])\n") == "E603");
  CHECK(first_code("qc2 = QuantumCircuit('a')\n") == "E605");
}
