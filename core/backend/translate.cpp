// The translation table. Level 1 writes each multi-qubit gate with cx and one-qubit gates (the
// definitions in Qiskit's qelib1.inc and its library); level 2 writes a one-qubit gate in the
// basis's one-qubit gates (rz/sx/x, or u1/u2/u3, or u); level 3 writes cx with the basis's
// two-qubit gate (cz: h.cz.h on the target; ecr: x on the control, ecr, rz on the control and sx
// on the target, which tests/test_backend.cpp checks is cx up to a global phase).
#include "backend/translate.hpp"

#include <set>
#include <vector>

#include "circuit/gates.hpp"

namespace qvet::backend {

namespace {

using Seq = std::vector<const char*>;

// Level 1: gates on two or more qubits (and the few one-qubit gates defined by others).
const std::map<std::string_view, Seq>& definitions() {
  static const std::map<std::string_view, Seq> kDefs = {
      {"cz", {"h", "cx", "h"}},
      {"cy", {"sdg", "cx", "s"}},
      {"ch", {"s", "h", "t", "cx", "tdg", "h", "sdg"}},
      {"swap", {"cx", "cx", "cx"}},
      {"iswap", {"s", "s", "h", "cx", "cx", "h"}},
      {"dcx", {"cx", "cx"}},
      {"rzx", {"h", "cx", "rz", "cx", "h"}},
      {"ecr", {"rzx", "x", "rzx"}},
      {"rxx", {"h", "h", "cx", "rz", "cx", "h", "h"}},
      {"ryy", {"rx", "rx", "cx", "rz", "cx", "rx", "rx"}},
      {"rzz", {"cx", "rz", "cx"}},
      {"crx", {"u1", "cx", "u3", "cx", "u3"}},
      {"cry", {"ry", "cx", "ry", "cx"}},
      {"crz", {"rz", "cx", "rz", "cx"}},
      {"cu1", {"u1", "cx", "u1", "cx", "u1"}},
      {"cp", {"u1", "cx", "u1", "cx", "u1"}},
      {"cu3", {"u1", "u1", "cx", "u3", "cx", "u3"}},
      {"cu", {"u1", "cu3"}},
      {"csx", {"h", "cu1", "h"}},
      {"ccx", {"h", "cx", "tdg", "cx", "t", "cx", "tdg", "cx", "t", "t", "h", "cx", "t", "tdg", "cx"}},
      {"cswap", {"cx", "ccx", "cx"}},
      {"rccx", {"h", "t", "cx", "tdg", "cx", "t", "cx", "tdg", "h"}},
      {"rc3x", {"h", "t", "cx", "tdg", "h", "cx", "t", "cx", "tdg", "cx", "t", "cx", "tdg", "h", "t", "cx", "tdg", "h"}},
      {"c3x", {"h", "cu1", "h", "cx", "h", "cu1", "h", "cx", "h", "cu1", "h", "cx", "h", "cu1", "h", "cx", "h",
               "cu1", "h", "cx", "h", "cu1", "h", "cx", "h", "cu1", "h"}},
      {"c3sqrtx", {"h", "cu1", "h", "cx", "h", "cu1", "h", "cx", "h", "cu1", "h", "cx", "h", "cu1", "h", "cx", "h",
                   "cu1", "h", "cx", "h", "cu1", "h", "cx", "h", "cu1", "h"}},
      {"c4x", {"h", "cu1", "h", "rc3x", "h", "cu1", "h", "rc3x", "c3sqrtx"}},
  };
  return kDefs;
}

enum class OneQ { Identity, Diagonal, X, SX, Y, Half, General };  // Half: h, sxdg, u2 (one sx)

bool one_qubit(std::string_view g, OneQ* kind) {
  static const std::map<std::string_view, OneQ> kKinds = {
      {"id", OneQ::Identity}, {"u0", OneQ::Identity}, {"z", OneQ::Diagonal},   {"s", OneQ::Diagonal},
      {"sdg", OneQ::Diagonal}, {"t", OneQ::Diagonal}, {"tdg", OneQ::Diagonal}, {"p", OneQ::Diagonal},
      {"u1", OneQ::Diagonal},  {"rz", OneQ::Diagonal}, {"x", OneQ::X},         {"sx", OneQ::SX},
      {"y", OneQ::Y},          {"h", OneQ::Half},      {"sxdg", OneQ::Half},   {"u2", OneQ::Half},
      {"rx", OneQ::General},   {"ry", OneQ::General},  {"u", OneQ::General},   {"u3", OneQ::General},
      {"U", OneQ::General},
  };
  auto it = kKinds.find(g);
  if (it == kKinds.end()) return false;
  *kind = it->second;
  return true;
}

// Level 2: a one-qubit gate in the basis's one-qubit gates; false when the basis has none that fit.
bool one_qubit_in_basis(const Backend& b, std::string_view g, OneQ kind, Seq* out) {
  if (kind == OneQ::Identity) {
    if (g == "id" && b.has("id")) *out = {"id"};
    else out->clear();  // an identity needs no pulse
    return true;
  }
  if (b.has("rz") && b.has("sx")) {
    switch (kind) {
      case OneQ::Diagonal: *out = {"rz"}; return true;
      case OneQ::X: *out = b.has("x") ? Seq{"x"} : Seq{"sx", "sx"}; return true;
      case OneQ::SX: *out = {"sx"}; return true;
      case OneQ::Y: *out = b.has("x") ? Seq{"rz", "x"} : Seq{"rz", "sx", "sx"}; return true;
      case OneQ::Half: *out = {"rz", "sx", "rz"}; return true;
      default: *out = {"rz", "sx", "rz", "sx", "rz"}; return true;
    }
  }
  if (b.has("u3") || b.has("u")) {
    const char* general = b.has("u3") ? "u3" : "u";
    if (kind == OneQ::Diagonal && b.has("u1")) *out = {"u1"};
    else if (kind == OneQ::Half && b.has("u2")) *out = {"u2"};
    else *out = {general};
    return true;
  }
  return false;
}

std::string_view qiskit_name_of(std::string_view row) {
  const int i = std_gate_row(row);
  return i >= 0 ? std_gates()[i].qiskit_name : row;
}

std::string join(const Seq& s) {
  std::string out;
  for (const char* g : s) out += (out.empty() ? "" : ".") + std::string(g);
  return out;
}

struct Expander {
  const Backend& b;
  Translation& t;
  std::set<std::string> explained;

  void rule(std::string_view g, const Seq& s) {
    if (!explained.insert(std::string(g)).second) return;
    t.text += (t.text.empty() ? "" : "; ") + std::string(g) + " -> " + (s.empty() ? std::string("nothing") : join(s));
  }

  // Adds the basis gates `g` becomes to t.counts; false when some part has no translation.
  bool add(std::string_view g, uint64_t times, int depth) {
    if (depth > 8) return false;
    const std::string_view q = qiskit_name_of(g);
    if (b.has(q)) {
      t.counts[std::string(q)] += times;
      return true;
    }
    Seq s;
    OneQ kind;
    if (one_qubit(g, &kind)) {
      if (!one_qubit_in_basis(b, g, kind, &s)) return false;
    } else if (g == "cx") {
      if (b.has("cz")) s = {"h", "cz", "h"};
      else if (b.has("ecr")) s = {"x", "ecr", "rz", "sx"};
      else return false;
    } else {
      auto it = definitions().find(g);
      if (it == definitions().end()) return false;
      s = it->second;
    }
    rule(g, s);
    for (const char* part : s)
      if (!add(part, times, depth + 1)) return false;
    return true;
  }
};

}  // namespace

Translation translate(const Backend& b, std::string_view row, std::string_view qiskit_name) {
  Translation t;
  if (b.has(qiskit_name)) {
    t.known = t.direct = true;
    t.counts[std::string(qiskit_name)] = 1;
    t.total = 1;
    return t;
  }
  Expander e{b, t, {}};
  t.known = e.add(row == "CX" ? "cx" : row, 1, 0);
  if (!t.known) {
    t.counts.clear();
    return t;
  }
  for (const auto& [g, n] : t.counts) t.total += n;
  return t;
}

}  // namespace qvet::backend
