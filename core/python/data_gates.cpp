// Gates given by data, as Qiskit 1.0 builds them: UnitaryGate and QuantumCircuit.unitary (a
// matrix, checked to be unitary), initialize / Initialize (reset, then prepare a state), and
// prepare_state / StatePreparation (prepare a state from |0...0>), from amplitudes, a label such
// as "01+-rl" or an integer (qiskit/circuit/library/generalized_gates/unitary.py,
// library/data_preparation/state_preparation.py and initializer.py). Each is one instruction over
// the qubits given; its data stays with the gate, for the simulator and the unitary.
#include <cmath>
#include <complex>

#include "python/interpreter.hpp"
#include "python/names.hpp"

namespace qvet::python {

namespace {

bool is_none(const Value* v) { return !v || v->kind == Value::None; }

// The largest UnitaryGate read: its matrix has 4^k entries.
constexpr unsigned kMaxUnitaryQubits = 10;

unsigned log2_exact(size_t n) {
  unsigned k = 0;
  while ((size_t{1} << k) < n) ++k;
  return (size_t{1} << k) == n ? k : UINT32_MAX;
}

}  // namespace

Complex Interpreter::complex_of(const Value& v, const Node& at) {
  if (!v.is_complex_like())
    fail(at, "E605", std::string("expected a number (real or complex), not '") + type_name(v) + "'");
  const Complex z(v.real_part(), v.imag());
  if (!std::isfinite(z.real()) || !std::isfinite(z.imag())) fail(at, "E609", "a non-finite amplitude");
  return z;
}

// A state as initialize and StatePreparation take it: amplitudes, a label of 0 1 + - r l (its last
// character is qubit 0), or an integer whose bit k is qubit k (on `width` qubits, or as many as
// its bits need).
std::vector<Complex> Interpreter::state_of(const Value& v, size_t width, bool normalize, const Node& at) {
  std::vector<Complex> amps;
  if (v.kind == Value::Str) {
    const std::string& label = *v.s;
    if (label.empty() || label.size() > 20) fail(at, "E609", "a state label has 1 to 20 characters");
    count_items(uint64_t{1} << label.size(), at);
    amps.assign(size_t{1} << label.size(), Complex(0));
    amps[0] = 1;
    const double h = 1 / std::sqrt(2.0);
    for (size_t q = 0; q < label.size(); ++q) {  // each qubit's one-qubit state, qubit q from the right
      Complex a0, a1;
      switch (label[label.size() - 1 - q]) {
        case '0': a0 = 1, a1 = 0; break;
        case '1': a0 = 0, a1 = 1; break;
        case '+': a0 = h, a1 = h; break;
        case '-': a0 = h, a1 = -h; break;
        case 'r': a0 = h, a1 = Complex(0, h); break;
        case 'l': a0 = h, a1 = Complex(0, -h); break;
        default: fail(at, "E609", "a state label has only the characters 0, 1, +, -, r and l");
      }
      for (size_t i = 0; i < amps.size(); ++i)  // basis states with bit q set take a1, the rest a0
        if (!((i >> q) & 1)) {
          const Complex base = amps[i];
          amps[i] = base * a0;
          amps[i | (size_t{1} << q)] = base * a1;
        }
    }
    return amps;
  }
  if (v.is_int()) {
    if (v.i < 0) fail(at, "E609", "a basis state's number must be non-negative");
    unsigned bits = 1;
    while (bits < 63 && (v.i >> bits)) ++bits;
    if (width) {
      if (bits > width && v.i)
        fail(at, "E609", std::to_string(v.i) + " does not fit in " + std::to_string(width) + " qubits");
      bits = static_cast<unsigned>(width);
    }
    if (bits > 20) fail(at, "E609", "a basis state of more than 20 qubits");
    count_items(uint64_t{1} << bits, at);
    amps.assign(size_t{1} << bits, Complex(0));
    amps[static_cast<size_t>(v.i)] = 1;
    return amps;
  }
  Items items = materialize(v, at);
  if (items.size() < 2 || log2_exact(items.size()) == UINT32_MAX)
    fail(at, "E609",
         "Desired statevector length not a positive power of 2 (it has " + std::to_string(items.size()) +
             " amplitudes)");
  double norm = 0;
  for (const Value& x : items) {
    amps.push_back(complex_of(x, at));
    norm += std::norm(amps.back());
  }
  if (normalize) {
    if (norm == 0) fail(at, "E609", "a state of zero amplitudes cannot be normalised");
    for (Complex& a : amps) a /= std::sqrt(norm);
  } else if (std::fabs(norm - 1) > 1e-10) {
    fail(at, "E609", "Sum of amplitudes-squared is not 1, but " + str(Value::real(norm), at) + ".");
  }
  return amps;
}

// A unitary matrix from nested lists (or numpy.array), checked as Qiskit's is_unitary_matrix does
// (numpy.allclose(U U^dagger, I) with rtol 1e-5, atol 1e-8).
std::vector<Complex> Interpreter::matrix_of(const Value& v, const Node& at) {
  const Items rows = materialize(v, at);
  const unsigned k = log2_exact(rows.size());
  if (rows.size() < 2 || k == UINT32_MAX) fail(at, "E609", "Input matrix is not an N-qubit operator.");
  if (k > kMaxUnitaryQubits)
    fail(at, "E609",
         "a UnitaryGate of " + std::to_string(k) + " qubits; qvet reads up to " + std::to_string(kMaxUnitaryQubits));
  const size_t dim = rows.size();
  std::vector<Complex> m;
  m.reserve(dim * dim);
  for (const Value& r : rows) {
    const Items row = materialize(r, at);
    if (row.size() != dim) fail(at, "E609", "Input matrix is not an N-qubit operator (it is not square).");
    for (const Value& x : row) m.push_back(complex_of(x, at));
  }
  for (size_t i = 0; i < dim; ++i)
    for (size_t j = 0; j < dim; ++j) {
      Complex s = 0;
      for (size_t t = 0; t < dim; ++t) s += m[i * dim + t] * std::conj(m[j * dim + t]);
      const double want = i == j ? 1 : 0;
      if (std::abs(s - want) > 1e-8 + 1e-5 * want) fail(at, "E609", "Input matrix is not unitary.");
    }
  return m;
}

// The instruction object of a data gate.
Value Interpreter::data_gate(std::string name, std::vector<Complex> data, bool matrix, bool resets) {
  auto def = std::make_shared<GateDef>();
  def->name = def->qiskit_name = std::move(name);
  def->num_qubits = log2_exact(matrix ? static_cast<size_t>(std::sqrt(static_cast<double>(data.size()))) : data.size());
  (matrix ? def->matrix : def->state) = std::move(data);
  def->resets = resets;
  def->available = def->used = true;
  auto g = std::make_shared<GateValue>();
  g->kind = GateValue::Data;
  g->data = def;
  g->num_qubits = def->num_qubits;
  Value v;
  v.kind = Value::Gate;
  v.gate = g;
  return v;
}

Value Interpreter::construct_data_gate(int64_t cls, Args& args, const Node& at) {
  if (cls == kUnitaryGate) {
    Bound b = bind_args(args, {"data", "label", "check_input"}, 1, 3, "UnitaryGate", at);
    return data_gate("unitary", matrix_of(*b[0], *b.node[0]), true, false);
  }
  Bound b = bind_args(args, {"params", "num_qubits", "inverse", "label", "normalize"}, 1, 5, class_name(cls), at);
  if (!is_none(b[2]) && truth(*b[2], *b.node[2])) refuse(*b.node[2], "StatePreparation(inverse=True)");
  const size_t width =
      is_none(b[1]) ? 0 : static_cast<size_t>(std::max<int64_t>(0, to_int(*b[1], *b.node[1], "num_qubits")));
  const bool normalize = !is_none(b[4]) && truth(*b[4], *b.node[4]);
  const bool init = cls == kInitialize;
  return data_gate(init ? "initialize" : "state_preparation", state_of(*b[0], width, normalize, *b.node[0]), false,
                   init);
}

// qc.initialize(params, qubits=None, normalize=False), qc.prepare_state(state, qubits=None,
// label=None, normalize=False), qc.unitary(obj, qubits, label=None): one instruction on the
// qubits given (all of the circuit's when none are), which must be as many as the data's.
Value Interpreter::data_method(int64_t id, const std::string& method, Args& args, const Node& at) {
  Value gate;
  const Value* qubits = nullptr;
  const Node* qubits_node = &at;
  if (method == "unitary") {
    Bound b = bind_args(args, {"obj", "qubits", "label"}, 2, 3, method, at);
    gate = b[0]->kind == Value::Gate && b[0]->gate->kind == GateValue::Data && !b[0]->gate->data->matrix.empty()
               ? *b[0]
               : data_gate("unitary", matrix_of(*b[0], *b.node[0]), true, false);
    qubits = b[1];
    qubits_node = b.node[1];
  } else {
    const bool init = method == "initialize";
    Bound b = init ? bind_args(args, {"params", "qubits", "normalize"}, 1, 3, method, at)
                   : bind_args(args, {"state", "qubits", "label", "normalize"}, 1, 4, method, at);
    const bool normalize = !is_none(b[init ? 2 : 3]) && truth(*b[init ? 2 : 3], *b.node[init ? 2 : 3]);
    std::vector<uint32_t> qs;
    if (!is_none(b[1])) qs = qubit_args(circuits_[id], *b[1], *b.node[1], true);
    const size_t width = is_none(b[1]) ? circuits_[id].c.num_qubits : qs.size();
    gate = data_gate(init ? "initialize" : "state_preparation",
                     state_of(*b[0], b[0]->is_int() ? width : 0, normalize, *b.node[0]), false, init);
    qubits = b[1];
    qubits_node = b.node[1];
  }
  CircuitObj& c = circuits_[id];
  std::vector<uint32_t> qs;
  if (is_none(qubits))
    for (uint32_t q = 0; q < c.c.num_qubits; ++q) qs.push_back(q);
  else
    qs = qubit_args(c, *qubits, *qubits_node, true);
  const uint32_t want = gate.gate->num_qubits;
  if (qs.size() != want)
    fail(at, "E607",
         "the " + gate.gate->data->qiskit_name + " data is for " + std::to_string(want) + " qubits, but " +
             std::to_string(qs.size()) + " were given");
  std::vector<std::vector<uint32_t>> qargs;
  qargs.reserve(qs.size());
  for (uint32_t q : qs) qargs.push_back({q});
  const size_t first = c.c.ops.size();
  append_gate(c, *gate.gate, std::move(qargs), {}, at);
  return instructions(id, first);
}

}  // namespace qvet::python
