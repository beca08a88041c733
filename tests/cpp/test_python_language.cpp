// More of Python's language in Qiskit code: the format-spec mini-language (f-strings, str.format,
// format()), comprehensions with several clauses and generator expressions, *args / **kwargs /
// keyword-only parameters and f(*xs, **d), stores into items and attributes, a circuit's figures
// as values, and numpy's arrays. Python's own results are checked with the code's asserts (a false
// one is E611); the circuits' figures are Qiskit 1.0's, worked by hand (depth(): a gate sits one
// layer above the latest of its wires, a barrier lines its wires up; size() skips barriers;
// count_ops() by count, ties in order of first appearance).
#include <catch2/catch.hpp>
#include <string>

#include "helpers.hpp"

using namespace qvet;
using qvet::test::check_report_invariants;
using qvet::test::run;

namespace {

struct Case {
  const char* name;
  const char* code;
  uint64_t qubits, clbits, depth, size, nonlocal;
  const char* counts;  // count_ops in Qiskit's order
};

const Case kCases[] = {
    // Python's formatting, checked by asserts; the registers are named by f-strings.
    {"format specs, f-strings and str.format",
     R"py(from qiskit import QuantumCircuit, QuantumRegister

assert format(5, '04b') == '0101'
assert format(255, 'x') == 'ff' and format(255, '#X') == '0XFF'
assert format(8, 'o') == '10' and format(8, '#o') == '0o10' and format(5, '#b') == '0b101'
assert format(5, '+d') == '+5' and format(5, ' d') == ' 5' and format(-5, '+d') == '-5'
assert format(42, '>6') == '    42' and format(42, '<6') == '42    ' and format(42, '^6') == '  42  '
assert format(42, '*^7') == '**42***'
assert format(-42, '=8') == '-     42' and format(-42, '08') == '-0000042' and format(42, '#06x') == '0x002a'
assert format(1234567, ',') == '1,234,567' and format(1234567, '_') == '1_234_567'
assert format(255, '_b') == '1111_1111'
assert format(3.14159, '.3f') == '3.142' and format(2.5, '.0f') == '2' and format(1234.5678, ',.2f') == '1,234.57'
assert format(0.000123456, '.2e') == '1.23e-04' and format(12345.678, 'E') == '1.234568E+04'
assert format(1234.5, '.2') == '1.2e+03' and format(10.0, '.3') == '10.0' and format(100.0, '.3') == '1e+02'
assert format(0.5, '%') == '50.000000%' and format(0.25, '.1%') == '25.0%'
assert format(1.0, 'g') == '1' and format(1e-05, 'g') == '1e-05' and format(123456789.0, 'g') == '1.23457e+08'
assert format(2.0, '>6') == '   2.0' and format(1.5) == '1.5' and format(3, '.2f') == '3.00'
assert format(-0.0001, 'z.1f') == '0.0' and format(-0.0001, '.1f') == '-0.0'
assert format('ab', '>4') == '  ab' and format('abc', '.2') == 'ab' and format('ab', '*<5') == 'ab***'
assert format('θ', '>3') == '  θ'
assert format(True) == 'True' and format(True, 'd') == '1' and format(True, '>5') == '    1'
assert repr("it's") == '"it\'s"' and repr([1, 'a']) == "[1, 'a']" and repr(0.1) == '0.1'
w = 6
assert f"{3.14159:.2f}" == '3.14' and f"{'q'!r}" == "'q'" and f"{7:0{w}d}" == '000007'
assert f"{'a'!s:>3}" == '  a' and f"{{x}}" == '{x}' and f"{1 != 2}" == 'True' and f"{[1, 2][1]:>{w}}" == '     2'
assert "{} and {}".format(1, 'a') == '1 and a' and "{1}{0}".format('a', 'b') == 'ba'
assert "{name:>4}".format(name='q') == '   q' and "{0[1]}".format([5, 6]) == '6'
assert "{d[k]}".format(d={'k': 3}) == '3' and "{:{w}.{p}f}".format(3.14159, w=7, p=2) == '   3.14'
assert "{{}}".format() == '{}' and "{!r:>4}".format('x') == " 'x'"
regs = [QuantumRegister(1, f"q{i:02d}") for i in range(3)]
qc = QuantumCircuit(*regs)
for i, r in enumerate(regs):
    assert r.name == "q{:02d}".format(i)
    qc.h(r[0])
print(f"{qc.depth():>4} layers, {len(regs)!r} registers")
)py",
     3, 0, 1, 3, 0, "h:3"},
    // *args, keyword-only parameters, **kwargs; f(*xs), f(**d), QuantumCircuit(*regs).
    // q0: h h, q1: h h, q2: rz h; rz(q0) 3; cx(0,1) 4; cx(1,2) 5; cz(0,2) 6; measures 7, 6, 7.
    {"*args, **kwargs and keyword-only parameters",
     R"py(from qiskit import QuantumCircuit, QuantumRegister, ClassicalRegister

def apply(qc, *qubits, twice=False, **angles):
    for q in qubits:
        qc.h(q)
        if twice:
            qc.h(q)
    for name, theta in angles.items():
        qc.rz(theta, int(name[1:]))

def entangle(qc, a, *, target=1):
    qc.cx(a, target)

def collect(*args, **kwargs):
    return args, kwargs

regs = [QuantumRegister(2, "a"), QuantumRegister(1, "b")]
qc = QuantumCircuit(*regs, ClassicalRegister(3))
apply(qc, 0, 1, twice=True, q2=0.5)
apply(qc, *[2], **{"q0": 0.25})
entangle(qc, 0)
entangle(qc, 1, target=2)
pair = (0, 2)
qc.cz(*pair)
qc.measure(*([0, 1, 2], [0, 1, 2]))
args, kwargs = collect(1, *range(2), x=3, **{"y": 4})
assert args == (1, 0, 1) and kwargs == {"x": 3, "y": 4}
assert collect() == ((), {})
)py",
     3, 3, 7, 13, 3, "h:5 measure:3 rz:2 cx:2 cz:1"},
    // Comprehensions: tuple targets, nested clauses, filters, a scope of their own; generator
    // expressions in calls. pairs (0,1) (0,3) (1,2) (2,3); h 1; cx 2, 3, 3, 4; ry 4 4 5 5; rz(3) 6; x(2) 6.
    {"comprehensions and generator expressions",
     R"py(from qiskit import QuantumCircuit

n = 4
pairs = [(a, b) for a in range(n) for b in range(a + 1, n) if (a + b) % 2 == 1]
assert pairs == [(0, 1), (0, 3), (1, 2), (2, 3)]
qc = QuantumCircuit(n)
qc.h([q for q in range(n)])
for a, b in pairs:
    qc.cx(a, b)
angles = dict((q, 0.1 * (q + 1)) for q in range(n))
for q in range(n):
    qc.ry(angles[q], q)
total = sum(len(p) for p in pairs)
qc.rz(total / 8, max(b for a, b in pairs))
assert "".join(str(a) for a, _ in pairs) == "0012"
assert all(a < b for a, b in pairs) and any(x > 2 for x in range(n))
q = 99
squares = [q * q for q in range(3)]
assert q == 99 and squares == [0, 1, 4]
matrix = [[r * 3 + c for c in range(3)] for r in range(2)]
assert matrix == [[0, 1, 2], [3, 4, 5]]
flat = [x for row in matrix for x in row if x % 2 == 0 if x > 0]
assert flat == [2, 4]
qc.x(flat[0])
)py",
     4, 0, 6, 14, 4, "h:4 cx:4 ry:4 rz:1 x:1"},
    // Stores into items and attributes; a gate renamed (Qiskit counts it under its new name).
    // rx: q2 x3, q0, q1; link(0,1) 2; pair(1,2) max(2,3)+1 = 4.
    {"item and attribute assignment",
     R"py(from qiskit import QuantumCircuit

counts = {}
layout = [0, 0, 0]
for q in [2, 0, 2, 1, 2]:
    counts[q] = counts.get(q, 0) + 1
    layout[q] += 1
assert counts == {2: 3, 0: 1, 1: 1} and layout == [1, 1, 3]
layout[-1] = 0
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
grid[0][1] += 2
assert grid == [[0, 2], [5, 0]] and layout == [1, 1, 0]
angles = {"a": 0.5}
angles["a"] *= 2
qc = QuantumCircuit(3, name="before")
qc.name = "after"
for q, k in counts.items():
    for _ in range(k):
        qc.rx(angles["a"], q)
assert qc.name == "after"
sub = QuantumCircuit(2, name="pair")
sub.cx(0, 1)
g = sub.to_gate()
g.name = "link"
g.label = "a label"
qc.append(g, [0, 1])
qc.append(sub.to_gate(), [1, 2])
)py",
     3, 0, 4, 7, 2, "rx:5 link:1 pair:1"},
    // The circuit's figures as values, and numpy's arrays as gate data.
    // h 1, cx 2, barrier (2), cx(1,2) 3; rz on q2 to depth 6: 4 5 6; U(q0) 3; U(q1) 4;
    // U(0,2) max(3,6)+1 = 7; U(q1) 5; ry on q0: 8 9 10.
    {"circuit figures as values and numpy arrays",
     R"py(import numpy as np
from qiskit import QuantumCircuit
from qiskit.circuit.library import UnitaryGate

qc = QuantumCircuit(3)
qc.h(0)
qc.cx(0, 1)
qc.barrier()
qc.cx(1, 2)
assert qc.size() == 3 and qc.depth() == 3 and qc.width() == 3 and qc.num_nonlocal_gates() == 2
ops = qc.count_ops()
assert list(ops) == ["cx", "h", "barrier"] and ops["cx"] == 2
assert [name for name, k in ops.items() if k == 1] == ["h", "barrier"]
while qc.depth() < 6:
    qc.rz(0.1, 2)
hmat = 1 / np.sqrt(2) * np.array([[1, 1], [1, -1]])
x = np.array([[0, 1], [1, 0]])
z = np.diag([1, -1])
y = 1j * x @ z
assert list(y[0]) == [0, -1j] and list(y[1]) == [1j, 0]
ident = np.eye(2)
zz = np.kron(z, z)
assert list(np.diag(zz)) == [1, -1, -1, 1]
qc.append(UnitaryGate(hmat), [0])
qc.append(UnitaryGate(y), [1])
qc.unitary(np.kron(ident, x), [0, 2])
qc.unitary(np.dot(x, x), [1])
thetas = np.linspace(0, np.pi, 3)
assert len(thetas) == 3 and thetas[-1] == np.pi and thetas[1] == np.pi / 2
for t in thetas:
    qc.ry(t, 0)
steps = np.arange(3)
assert list(2 * steps + 1) == [1, 3, 5] and list(-steps) == [0, -1, -2]
assert list(np.zeros(2)) == [0.0, 0.0] and len(np.ones((2, 3))[1]) == 3
assert np.matmul(np.array([1, 2]), np.array([3, 4])) == 11
assert list(np.array([[1, 2], [3, 4]]) + np.array([10, 20])[0]) == [[11, 12], [13, 14]]
assert list(np.array([[1, 2], [3, 4]]) * np.array([1, 10])) == [[1, 20], [3, 40]]
assert [1, 2] * 2 == [1, 2, 1, 2]
print("depth", qc.depth(), dict(qc.count_ops()))
)py",
     3, 0, 10, 13, 3, "unitary:4 rz:3 ry:3 cx:2 h:1 barrier:1"},
};

// The first error of `src`: its code, line and column.
Diagnostic first_error(const std::string& src) {
  INFO(src);
  const Report r = run(src);
  INFO(test::errors_of(r));
  CHECK_FALSE(r.valid);
  check_report_invariants(r, src);
  for (const Diagnostic& d : r.diagnostics)
    if (d.severity == Severity::Error) return d;
  return Diagnostic{};
}

void expect_error(const std::string& body, const std::string& code, uint32_t line, uint32_t column,
                  const std::string& words = "") {
  const std::string src = "from qiskit import QuantumCircuit\nimport numpy as np\nqc = QuantumCircuit(3)\n" + body;
  const Diagnostic d = first_error(src);
  INFO(body << "\n" << d.code << " " << d.span.line << ":" << d.span.column << " " << d.message);
  CHECK(d.code == code);
  CHECK(d.span.line == line);
  CHECK(d.span.column == column);
  if (!words.empty()) CHECK(d.message.find(words) != std::string::npos);
}

}  // namespace

TEST_CASE("Python's formatting, comprehensions, *args, stores and numpy give Qiskit's figures", "[python][language]") {
  for (const Case& c : kCases) {
    INFO(c.name);
    const Report r = run(c.code);
    INFO(test::errors_of(r));
    REQUIRE(r.valid);
    CHECK(r.qubits == c.qubits);
    CHECK(r.clbits == c.clbits);
    CHECK(r.metrics.depth == c.depth);
    CHECK(r.metrics.size == c.size);
    CHECK(r.metrics.nonlocal_gates == c.nonlocal);
    CHECK(test::counts_of(r) == c.counts);
    check_report_invariants(r, c.code);
  }
}

TEST_CASE("format specs Python rejects, and those qvet does not read, are errors at the spec", "[python][language]") {
  // Lines 1-3 are the head; the body starts on line 4.
  expect_error("x = format(3.5, 'd')\n", "E609", 4, 17, "Unknown format code 'd' for object of type 'float'");
  expect_error("x = f\"{3.5:d}\"\n", "E609", 4, 12, "Unknown format code 'd'");
  expect_error("x = f\"{3:.}\"\n", "E609", 4, 10, "Format specifier missing precision");
  expect_error("x = f\"{3:.2d}\"\n", "E609", 4, 10, "Precision not allowed in integer format specifier");
  expect_error("x = f\"{'a':+}\"\n", "E609", 4, 12, "Sign not allowed in string format specifier");
  expect_error("x = f\"{3:xyz}\"\n", "E609", 4, 10, "Invalid format specifier");
  expect_error("x = f\"{3:n}\"\n", "E603", 4, 10, "the format type 'n'");
  expect_error("x = f\"{None:>3}\"\n", "E605", 4, 13, "NoneType.__format__");
  expect_error("x = f\"{1!z}\"\n", "E601", 4, 9, "invalid conversion character");
  expect_error("x = \"{} {}\".format(1)\n", "E606", 4, 5, "Replacement index 1 out of range");
  expect_error("x = \"{0} {}\".format(1, 2)\n", "E609", 4, 5, "cannot switch from manual");
  expect_error("x = \"{x}\".format(y=1)\n", "E606", 4, 5, "'x'");
  expect_error("x = \"a}\".format()\n", "E609", 4, 5, "Single '}'");
  expect_error("x = format(1, 2)\n", "E605", 4, 15, "format() argument 2 must be str");
}

TEST_CASE("calls with *args and **kwargs bind as Python binds them", "[python][language]") {
  expect_error("def f(a, *, c):\n    pass\nf(1)\n", "E605", 6, 1, "f() missing required keyword-only argument 'c'");
  expect_error("def f(a, *, c=3):\n    pass\nf(1, 2)\n", "E605", 6, 1,
               "f() takes 1 positional argument but 2 were given");
  expect_error("def f(a, **kw):\n    pass\nf(1, a=2)\n", "E605", 6, 8, "multiple values for argument 'a'");
  expect_error("def f(*args):\n    pass\nf(x=1)\n", "E605", 6, 5, "unexpected keyword argument 'x'");
  expect_error("def f(**kw):\n    pass\nf(**[1])\n", "E605", 6, 5, "argument after ** must be a mapping");
  expect_error("def f(**kw):\n    pass\nf(**{1: 2})\n", "E605", 6, 5, "keywords must be strings");
  expect_error("def f(**kw):\n    pass\nf(x=1, **{'x': 2})\n", "E605", 6, 10,
               "multiple values for keyword argument 'x'");
  expect_error("def f(a, *):\n    pass\n", "E601", 4, 10, "named arguments must follow a bare '*'");
  expect_error("def f(**kw, a):\n    pass\n", "E601", 4, 13);
  expect_error("qc.h(x for x in range(2), 1)\n", "E601", 4, 25, "generator expression must be parenthesized");
  // Errors point at the argument: a keyword's value, a spread's iterable (here the callee's own error).
  expect_error("qc.h(*[0, 1])\n", "E605", 4, 7);
}

TEST_CASE("stores into items and attributes keep lists acyclic and refuse what they cannot do", "[python][language]") {
  expect_error("xs = [1, 2]\nxs[5] = 0\n", "E606", 5, 4, "list assignment index out of range");
  expect_error("t = (1, 2)\nt[0] = 5\n", "E605", 5, 1, "'tuple' object does not support item assignment");
  expect_error("xs = [1]\nxs['a'] = 5\n", "E605", 5, 4, "list indices must be integers");
  // No list or dict is stored into an item, so no list can come to contain itself.
  expect_error("xs = [0]\nxs[0] = xs\n", "E603", 5, 1, "storing a list or a dict into an item");
  expect_error("d = {}\nd['k'] = [1]\n", "E603", 5, 1, "storing a list or a dict");
  expect_error("d = {}\nd[[1]] = 1\n", "E605", 5, 3, "unhashable type: 'list'");
  expect_error("xs = [1, 2]\nxs[0:1] = [3]\n", "E603", 5, 4, "assignment to a slice");
  expect_error("d = {}\nd['k'] += 1\n", "E606", 5, 3, "KeyError");
  expect_error("from qiskit.circuit.library import HGate\ng = HGate()\ng.name = 'mine'\n", "E603", 6, 3,
               "renaming a gate of Qiskit's library");
  expect_error("qc.global_phase = 1\n", "E603", 4, 4, "assigning the attribute '.global_phase'");
  expect_error("qc.name = 3\n", "E605", 4, 1, "a circuit's name must be a string");
  expect_error("x = qc.size(filter_function=None)\n", "E603", 4, 29, "size(filter_function=...)");
  // An attribute set on run code is skipped with it.
  const Report r =
      run("from qiskit import QuantumCircuit\nfrom qiskit_ibm_runtime import EstimatorV2\nqc = QuantumCircuit(1)\n"
          "qc.h(0)\nest = EstimatorV2(mode=None)\nest.options.default_shots = 100\nest.options.x.y += 1\n"
          "counts = est.run([qc])\ncounts['0'] = 1\n");
  INFO(test::errors_of(r));
  CHECK(r.valid);
  CHECK(test::find(r, "I601"));
}

TEST_CASE("numpy arrays: shapes are checked and sizes bounded", "[python][language][limits]") {
  expect_error("x = np.array([1, 2]) + np.array([1, 2, 3])\n", "E609", 4, 5, "could not be broadcast");
  expect_error("x = np.array([[1, 2]]) @ np.array([[1, 2]])\n", "E609", 4, 5, "inner dimensions differ");
  expect_error("x = 2 @ 3\n", "E605", 4, 5);
  expect_error("x = np.linspace(0, 1, -1)\n", "E609", 4, 23, "non-negative");
  expect_error("x = np.diag([1, 2], k=1)\n", "E603", 4, 23);
  // Each is far beyond the item bound: refused before anything is allocated.
  expect_error("x = np.zeros((100000, 100000))\n", "E608", 4, 5);
  expect_error("x = np.ones((1 << 40, 1 << 40, 1 << 40))\n", "E608", 4, 13);
  expect_error("x = np.diag(list(range(5000)))\n", "E608", 4, 5);
  expect_error("x = np.eye(100000)\n", "E608", 4, 5);
  expect_error("x = np.arange(0, 1e30)\n", "E608", 4, 5);
  expect_error("x = np.linspace(0, 1, 10**12)\n", "E608", 4, 23);
}

TEST_CASE("comprehensions, generators and formatting stop at the bounds", "[python][language][limits]") {
  const char* hostile[] = {
      "x = sum(i for i in range(10**12))\n",
      "x = [b for a in range(10**6) for b in [a] * 10**6]\n",
      "x = format(1, '>1000000000')\n",
      "x = f\"{1:>{10**12}}\"\n",
      "x = '{:>999999999}'.format(1)\n",
      "x = '{:.100000f}'.format(1.5)\n",
      "def f(*a, **k):\n    return f(*a, 1, **k)\nf()\n",
  };
  for (const char* body : hostile) {
    INFO(body);
    const std::string src = std::string("from qiskit import QuantumCircuit\nqc = QuantumCircuit(1)\n") + body;
    const Report r = run(src);
    INFO(test::errors_of(r));
    CHECK_FALSE(r.valid);
    check_report_invariants(r, src);
  }
}

// A function's locals are a flat list up to 16 names and hashed past that (Interpreter::Locals):
// both halves must read, overwrite and shadow alike, in a frame and from a closure inside it.
TEST_CASE("a function with many locals reads and overwrites each of them", "[python][language]") {
  std::string code = "from qiskit import QuantumCircuit\n\ndef build(n):\n";
  for (int i = 0; i < 40; ++i) code += "    v" + std::to_string(i) + " = " + std::to_string(i) + " % n\n";
  code += "    v3 = v3 + 1\n    v30 = v30 + 1\n";  // one before the index exists, one after
  code += "    def inner():\n        return v2 + v35\n";
  code += "    qc = QuantumCircuit(n)\n";
  for (int i = 0; i < 40; i += 7) code += "    qc.h(v" + std::to_string(i) + ")\n";
  code += "    qc.cx(v3, v30)\n    qc.x(inner())\n    return qc\n\nqc = build(5)\n";
  // h on v0=0 v7=2 v14=4 v21=1 v28=3 v35=0; v3 = 4, v30 = 1; inner() = v2 + v35 = 2.
  const Report r = test::run_ops(code);
  INFO(test::errors_of(r));
  REQUIRE(r.valid);
  CHECK(r.qubits == 5);
  CHECK(test::counts_of(r) == "h:6 cx:1 x:1");
  std::string wires;
  for (const OperationInfo& op : r.operations)
    for (uint32_t q : op.qubits) wires += std::to_string(q);
  CHECK(wires ==
        "024130"
        "41"
        "2");
  // Layer 1: an h on each qubit; layer 2: the second h(0), cx(4, 1) and x(2).
  CHECK(r.metrics.depth == 2);
  check_report_invariants(r, code);
}
