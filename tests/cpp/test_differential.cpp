// Random circuits against an independent oracle, written in the three languages, and changed in
// ways that must (or must not) change their figures.
//   - The oracle: Qiskit 1.0's rules written out here from its source (QuantumCircuit.depth,
//     size, count_ops, num_nonlocal_gates): a gate or measurement adds a layer on its wires, a
//     barrier adds none but lines its wires up, barriers count in len(data) and count_ops only.
//   - The same circuit as OpenQASM 2, OpenQASM 3 and Qiskit Python: the same figures.
//   - Metamorphic relations on the OpenQASM 2 text: renaming the registers changes nothing;
//     swapping two neighbouring operations on disjoint wires changes nothing; a barrier on every
//     qubit at the end adds one instruction (len(data) and count_ops) and nothing else.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <sstream>

#include "helpers.hpp"

using namespace qvet;

namespace {

struct Op {
  std::string name;  // Qiskit's; "measure", "reset", "barrier" too
  std::vector<uint32_t> qubits;
  int clbit = -1;
  double param = 0;
  bool has_param = false;
};

struct Random {
  uint32_t qubits = 0;
  std::vector<Op> ops;
};

// Gates all three languages spell alike (stdgates.inc, qelib1.inc and QuantumCircuit methods).
struct GateKind {
  const char* name;
  uint32_t qubits;
  bool param;
};
constexpr GateKind kGates[] = {
    {"h", 1, false},  {"x", 1, false},    {"y", 1, false}, {"z", 1, false},  {"s", 1, false},   {"sdg", 1, false},
    {"t", 1, false},  {"tdg", 1, false},  {"rx", 1, true}, {"ry", 1, true},  {"rz", 1, true},   {"cx", 2, false},
    {"cz", 2, false}, {"swap", 2, false}, {"cp", 2, true}, {"crz", 2, true}, {"ccx", 3, false}, {"cswap", 3, false}};

Random make_circuit(std::mt19937& rng) {
  Random c;
  c.qubits = 1 + rng() % 6;
  const uint32_t n = rng() % 40;
  for (uint32_t i = 0; i < n; ++i) {
    Op op;
    const uint32_t pick = rng() % 24;
    std::vector<uint32_t> all(c.qubits);
    for (uint32_t q = 0; q < c.qubits; ++q) all[q] = q;
    std::shuffle(all.begin(), all.end(), rng);
    if (pick < 18) {
      const GateKind& g = kGates[pick];
      if (g.qubits > c.qubits) continue;
      op.name = g.name;
      op.qubits.assign(all.begin(), all.begin() + g.qubits);
      op.has_param = g.param;
      op.param = static_cast<double>(rng() % 1000) / 100.0 - 5;
    } else if (pick < 21) {
      op.name = "measure";
      op.qubits = {all[0]};
      op.clbit = static_cast<int>(rng() % c.qubits);
    } else if (pick < 22) {
      op.name = "reset";
      op.qubits = {all[0]};
    } else {
      op.name = "barrier";
      op.qubits.assign(all.begin(), all.begin() + 1 + rng() % c.qubits);
    }
    c.ops.push_back(op);
  }
  return c;
}

struct Figures {
  uint64_t gates = 0, size = 0, depth = 0, nonlocal = 0, two = 0;
  std::map<std::string, uint64_t> counts;
};

// Qiskit 1.0's figures, from its rules, over wires qubits then clbits.
Figures oracle(const Random& c) {
  Figures f;
  std::vector<uint64_t> level(2 * c.qubits, 0);
  for (const Op& op : c.ops) {
    ++f.gates;
    ++f.counts[op.name];
    const bool barrier = op.name == "barrier";
    std::vector<uint32_t> wires = op.qubits;
    if (op.clbit >= 0) wires.push_back(c.qubits + static_cast<uint32_t>(op.clbit));
    uint64_t top = 0;
    for (uint32_t w : wires) top = std::max(top, level[w] + (barrier ? 0 : 1));
    for (uint32_t w : wires) level[w] = top;
    if (barrier) continue;
    ++f.size;
    if (op.qubits.size() > 1) ++f.nonlocal;
    if (op.qubits.size() == 2) ++f.two;
  }
  for (uint64_t l : level) f.depth = std::max(f.depth, l);
  return f;
}

Figures figures_of(const Report& r) {
  Figures f;
  f.gates = r.gates;
  f.size = r.metrics.size;
  f.depth = r.metrics.depth;
  f.nonlocal = r.metrics.nonlocal_gates;
  f.two = r.metrics.two_qubit_gates;
  for (const GateCount& g : r.metrics.gate_types) f.counts[g.name] = g.count;
  return f;
}

void same(const Figures& a, const Figures& b) {
  CHECK(a.gates == b.gates);
  CHECK(a.size == b.size);
  CHECK(a.depth == b.depth);
  CHECK(a.nonlocal == b.nonlocal);
  CHECK(a.two == b.two);
  CHECK(a.counts == b.counts);
}

std::string number(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

// One line per operation (so that the metamorphic relations can move lines).
std::vector<std::string> qasm_lines(const Random& c, bool three, const std::string& q, const std::string& cl) {
  std::vector<std::string> out;
  for (const Op& op : c.ops) {
    std::string line;
    auto arg = [&](uint32_t k) { return q + "[" + std::to_string(op.qubits[k]) + "]"; };
    if (op.name == "measure") {
      const std::string bit = cl + "[" + std::to_string(op.clbit) + "]";
      line = three ? bit + " = measure " + arg(0) + ";" : "measure " + arg(0) + " -> " + bit + ";";
    } else {
      line = op.name + (op.has_param ? "(" + number(op.param) + ")" : "") + " ";
      for (size_t k = 0; k < op.qubits.size(); ++k) line += (k ? ", " : "") + arg(static_cast<uint32_t>(k));
      line += ";";
    }
    out.push_back(line);
  }
  return out;
}

std::string qasm2(const Random& c, const std::vector<std::string>& lines, const std::string& q = "q",
                  const std::string& cl = "c") {
  std::string s = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg " + q + "[" + std::to_string(c.qubits) + "];\ncreg " +
                  cl + "[" + std::to_string(c.qubits) + "];\n";
  for (const std::string& l : lines) s += l + "\n";
  return s;
}

std::string qasm3(const Random& c) {
  std::string s = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[" + std::to_string(c.qubits) + "] q;\nbit[" +
                  std::to_string(c.qubits) + "] c;\n";
  for (const std::string& l : qasm_lines(c, true, "q", "c")) s += l + "\n";
  return s;
}

std::string python(const Random& c) {
  std::string s = "from qiskit import QuantumCircuit\nqc = QuantumCircuit(" + std::to_string(c.qubits) + ", " +
                  std::to_string(c.qubits) + ")\n";
  for (const Op& op : c.ops) {
    std::string args;
    if (op.has_param) args = number(op.param);
    for (uint32_t q : op.qubits) args += (args.empty() ? "" : ", ") + std::to_string(q);
    if (op.clbit >= 0) args += ", " + std::to_string(op.clbit);
    s += "qc." + op.name + "(" + args + ")\n";
  }
  return s;
}

bool disjoint(const Op& a, const Op& b) {
  for (uint32_t x : a.qubits)
    if (std::find(b.qubits.begin(), b.qubits.end(), x) != b.qubits.end()) return false;
  return a.clbit < 0 || a.clbit != b.clbit;
}

}  // namespace

TEST_CASE("differential: random circuits have the oracle's figures in all three languages", "[differential]") {
  std::mt19937 rng(20261203);
  for (int i = 0; i < 300; ++i) {
    const Random c = make_circuit(rng);
    const Figures want = oracle(c);
    const std::string two = qasm2(c, qasm_lines(c, false, "q", "c"));
    const Report a = test::run(two);
    Options three_opt, py_opt;
    three_opt.format = Format::Qasm3;
    py_opt.format = Format::Python;
    const Report b = test::run(qasm3(c), three_opt), p = test::run(python(c), py_opt);
    INFO("circuit " << i << ":\n" << two << test::errors_of(a) << test::errors_of(b) << test::errors_of(p));
    REQUIRE(a.valid);
    REQUIRE(b.valid);
    REQUIRE(p.valid);
    same(figures_of(a), want);
    same(figures_of(b), want);
    same(figures_of(p), want);
    CHECK(a.qubits == c.qubits);
    CHECK(b.qubits == c.qubits);
    CHECK(p.qubits == c.qubits);
  }
}

TEST_CASE("differential: renaming registers and reordering independent operations change no figure", "[differential]") {
  std::mt19937 rng(7);
  size_t swapped = 0;
  for (int i = 0; i < 300; ++i) {
    const Random c = make_circuit(rng);
    const Report base = test::run(qasm2(c, qasm_lines(c, false, "q", "c")));
    REQUIRE(base.valid);
    const Figures f = figures_of(base);
    // Other register names.
    const Report renamed = test::run(qasm2(c, qasm_lines(c, false, "data", "out"), "data", "out"));
    REQUIRE(renamed.valid);
    same(figures_of(renamed), f);
    // Two neighbours on disjoint wires, swapped (the first such pair).
    std::vector<std::string> lines = qasm_lines(c, false, "q", "c");
    for (size_t k = 0; k + 1 < c.ops.size(); ++k) {
      if (c.ops[k].name == "barrier" || c.ops[k + 1].name == "barrier" || !disjoint(c.ops[k], c.ops[k + 1])) continue;
      std::swap(lines[k], lines[k + 1]);
      const Report moved = test::run(qasm2(c, lines));
      INFO("circuit " << i << ", lines " << k << " and " << k + 1 << " swapped");
      REQUIRE(moved.valid);
      same(figures_of(moved), f);
      ++swapped;
      break;
    }
  }
  CHECK(swapped > 100);
}

TEST_CASE("differential: a barrier on every qubit at the end adds one instruction and nothing else", "[differential]") {
  std::mt19937 rng(99);
  for (int i = 0; i < 300; ++i) {
    const Random c = make_circuit(rng);
    std::vector<std::string> lines = qasm_lines(c, false, "q", "c");
    const Report base = test::run(qasm2(c, lines));
    lines.push_back("barrier q;");
    const Report fenced = test::run(qasm2(c, lines));
    REQUIRE(base.valid);
    REQUIRE(fenced.valid);
    Figures want = figures_of(base);
    ++want.gates;
    ++want.counts["barrier"];
    same(figures_of(fenced), want);
  }
}
