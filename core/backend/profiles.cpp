// Built-in device profiles and user-supplied backends. A profile is a family's generated coupling
// graph plus its basis and the medians of its devices' calibration figures: for each gate, the
// median over the family's devices in ../shared/data/backends/backends.json of each device's
// median (calibrations dated 2023-2026; rz is virtual: 0 ns, no error). They describe a typical
// device of the family, not today's calibration of a particular one.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "backend/backend.hpp"

namespace qvet::backend {

bool Backend::has(std::string_view gate) const { return std::find(basis.begin(), basis.end(), gate) != basis.end(); }

namespace {

struct Family {
  const char* name;
  const char* processor;
  uint32_t qubits;
  std::vector<Edge> (*graph)();
  const char* two_qubit;  // the basis's two-qubit gate
  double e2, t2_ns;       // its median error and duration
  double e1, t1_ns;       // sx and x (and id): median error and duration
  double readout;         // median readout error
  const char* sample;     // which devices the medians are over
  std::vector<const char*> devices;
};

const std::vector<Family>& families() {
  static const std::vector<Family> kFamilies = {
      {"eagle-r3",
       "Eagle r3",
       127,
       eagle_127,
       "ecr",
       0.008805,
       626.9,
       2.5185e-4,
       60.0,
       0.0199,
       "medians of 10 Eagle r3 devices",
       {"ibm_brisbane", "ibm_sherbrooke", "ibm_kyiv", "ibm_osaka", "ibm_kyoto", "ibm_quebec", "ibm_cusco",
        "ibm_kawasaki", "ibm_brussels", "ibm_strasbourg"}},
      {"heron-r1",
       "Heron r1",
       133,
       heron_r1_133,
       "cz",
       0.00419,
       68.0,
       2.711e-4,
       32.0,
       0.02295,
       "ibm_torino's medians",
       {"ibm_torino"}},
      {"heron-r2",
       "Heron r2",
       156,
       heron_r2_156,
       "cz",
       0.003295,
       68.0,
       2.305e-4,
       32.0,
       0.009521,
       "medians of 3 Heron r2 devices",
       {"ibm_fez", "ibm_marrakesh", "ibm_kingston"}},
      {"heron-r3",
       "Heron r3",
       156,
       heron_r2_156,
       "cz",
       0.001535,
       68.0,
       1.912e-4,
       32.0,
       0.005127,
       "medians of 3 Heron r3 devices",
       {"ibm_aachen", "ibm_boston", "ibm_pittsburgh"}},
      {"nighthawk-r1",
       "Nighthawk r1",
       120,
       nighthawk_120,
       "cz",
       0.002586,
       103.0,
       2.041e-4,
       32.0,
       0.019315,
       "medians of 2 Nighthawk r1 devices",
       {"ibm_miami", "ibm_berlin"}},
      {"falcon-27",
       "Falcon (27 qubits)",
       27,
       falcon_27,
       "cx",
       0.008223,
       401.8,
       2.5865e-4,
       35.56,
       0.0148,
       "medians of 12 27-qubit Falcon devices",
       {"ibm_hanoi", "ibm_algiers", "ibm_geneva", "ibmq_kolkata", "ibmq_mumbai", "ibmq_montreal", "ibmq_toronto",
        "ibmq_sydney", "ibmq_paris", "ibm_auckland", "ibm_cairo", "ibm_peekskill"}},
  };
  return kFamilies;
}

Backend from_family(const Family& f, std::string name) {
  Backend b;
  b.name = std::move(name);
  b.processor = f.processor;
  b.num_qubits = f.qubits;
  b.basis = {f.two_qubit, "id", "rz", "sx", "x"};
  b.edges = f.graph();
  b.error = {{f.two_qubit, f.e2}, {"sx", f.e1}, {"x", f.e1}, {"id", f.e1}, {"rz", 0.0}};
  b.duration_s = {{f.two_qubit, f.t2_ns * 1e-9},
                  {"sx", f.t1_ns * 1e-9},
                  {"x", f.t1_ns * 1e-9},
                  {"id", f.t1_ns * 1e-9},
                  {"rz", 0.0}};
  b.readout_error = f.readout;
  b.source = std::string("built-in profile ") + f.name + ": coupling graph generated from the " + f.processor +
             " layout; errors and durations are " + f.sample + " (measurement time not included)";
  return b;
}

// "line-12" -> 12 (digits only, 1..kMaxGeneric).
constexpr uint32_t kMaxGeneric = 1024;
bool number(std::string_view s, uint32_t* out) {
  if (s.empty() || s.size() > 5) return false;
  uint32_t v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  if (v == 0 || v > kMaxGeneric) return false;
  *out = v;
  return true;
}

Backend generic(std::string name, uint32_t n, std::vector<Edge> edges, const char* shape) {
  Backend b;
  b.name = std::move(name);
  b.processor = shape;
  b.num_qubits = n;
  b.basis = {"cx", "id", "rz", "sx", "x"};
  b.edges = std::move(edges);
  b.source = std::string("generic ") + shape + " device: no error or duration figures";
  return b;
}

}  // namespace

std::vector<Profile> profiles() {
  std::vector<Profile> out;
  for (const Family& f : families()) {
    Backend b = from_family(f, f.name);
    out.push_back({f.name, f.processor, f.qubits, b.basis, b.edges.size(), {f.devices.begin(), f.devices.end()}});
  }
  for (const char* g : {"line-N", "ring-N", "grid-RxC", "all-to-all-N"})
    out.push_back({g, "generic", 0, {"cx", "id", "rz", "sx", "x"}, 0, {}});
  return out;
}

bool find_profile(std::string_view name, Backend* out, std::string* error) {
  for (const Family& f : families()) {
    if (name == f.name) {
      *out = from_family(f, f.name);
      return true;
    }
    for (const char* d : f.devices)
      if (name == d) {
        *out = from_family(f, d);
        return true;
      }
  }
  uint32_t n = 0, m = 0;
  auto rest = [&](std::string_view prefix) -> std::string_view {
    return name.substr(0, prefix.size()) == prefix ? name.substr(prefix.size()) : std::string_view();
  };
  if (number(rest("line-"), &n)) return *out = generic(std::string(name), n, line(n), "line"), true;
  if (number(rest("ring-"), &n)) return *out = generic(std::string(name), n, ring(n), "ring"), true;
  if (number(rest("all-to-all-"), &n)) return *out = generic(std::string(name), n, all_to_all(n), "all-to-all"), true;
  std::string_view g = rest("grid-");
  const size_t x = g.find('x');
  if (x != std::string_view::npos && number(g.substr(0, x), &n) && number(g.substr(x + 1), &m) && n * m <= kMaxGeneric)
    return *out = generic(std::string(name), n * m, grid(n, m), "grid"), true;
  *error = "unknown backend '" + std::string(name) +
           "': use a profile (qvet backends lists them), an IBM device name such as ibm_brisbane, line-N, "
           "ring-N, grid-RxC, all-to-all-N (N up to 1024), or a JSON file";
  return false;
}

bool parse_backend_json(std::string_view text, Backend* out, std::string* error) {
  using json = nlohmann::json;
  const std::string owned(text);  // parse a std::string, as the bindings do: one parser in the binary
  json j = json::parse(owned, nullptr, false);
  if (j.is_discarded()) {
    // Parse again with exceptions to learn where it breaks: nlohmann's parse_error carries the byte.
    try {
      const json again = json::parse(owned);
      (void)again;
    } catch (const json::parse_error& e) {
      size_t byte = e.byte > 0 ? e.byte - 1 : 0;
      uint32_t line = 1, col = 1;
      for (size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n')
          ++line, col = 1;
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
          ++col;
      }
      *error = "line " + std::to_string(line) + ", column " + std::to_string(col) + ": not valid JSON";
      return false;
    } catch (...) {}
    *error = "not valid JSON";
    return false;
  }
  if (!j.is_object()) {
    *error = "a backend must be a JSON object";
    return false;
  }
  auto field = [&](std::initializer_list<const char*> names) -> const json* {
    for (const char* n : names)
      if (j.contains(n)) return &j[n];
    return nullptr;
  };
  Backend b;
  const json* name = field({"backend_name", "name"});
  if (!name || !name->is_string() || name->get<std::string>().empty()) {
    *error = "'backend_name' must be a non-empty string";
    return false;
  }
  b.name = name->get<std::string>();
  const json* n = field({"n_qubits", "num_qubits"});
  if (!n || !n->is_number_unsigned() || n->get<uint64_t>() == 0 || n->get<uint64_t>() > 100000) {
    *error = "'n_qubits' must be a whole number from 1 to 100000";
    return false;
  }
  b.num_qubits = n->get<uint32_t>();
  const json* basis = field({"basis_gates"});
  if (!basis || !basis->is_array() || basis->empty()) {
    *error = "'basis_gates' must be a non-empty list of gate names";
    return false;
  }
  for (const json& g : *basis) {
    if (!g.is_string()) {
      *error = "'basis_gates' must be a list of strings";
      return false;
    }
    b.basis.push_back(g.get<std::string>());
  }
  const json* map = field({"coupling_map"});
  std::vector<Edge> listed;
  if (map && !map->is_null()) {
    if (!map->is_array()) {
      *error = "'coupling_map' must be a list of [control, target] pairs";
      return false;
    }
    size_t k = 0;
    for (const json& e : *map) {
      if (!e.is_array() || e.size() != 2 || !e[0].is_number_unsigned() || !e[1].is_number_unsigned()) {
        *error = "coupling_map[" + std::to_string(k) + "] must be a pair of qubit numbers";
        return false;
      }
      const uint64_t a = e[0].get<uint64_t>(), c = e[1].get<uint64_t>();
      if (a >= b.num_qubits || c >= b.num_qubits || a == c) {
        *error = "coupling_map[" + std::to_string(k) + "] = [" + std::to_string(a) + ", " + std::to_string(c) +
                 "] is not a pair of distinct qubits below n_qubits (" + std::to_string(b.num_qubits) + ")";
        return false;
      }
      listed.emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(c));
      ++k;
    }
  }
  for (const Edge& e : listed) b.edges.emplace_back(std::min(e.first, e.second), std::max(e.first, e.second));
  std::sort(b.edges.begin(), b.edges.end());
  b.edges.erase(std::unique(b.edges.begin(), b.edges.end()), b.edges.end());
  for (const Edge& e : listed)
    if (std::find(listed.begin(), listed.end(), Edge{e.second, e.first}) == listed.end()) b.directed = true;
  // Figures: Qiskit-style (seconds) or the backends.json summary (nanoseconds).
  auto figures = [&](const char* key, double scale, std::map<std::string, double>* into, bool probability) {
    const json* f = field({key});
    if (!f) return true;
    if (!f->is_object()) {
      *error = std::string("'") + key + "' must be an object of gate names to numbers";
      return false;
    }
    for (const auto& [gate, v] : f->items()) {
      if (!v.is_number() || v.get<double>() < 0 || (probability && v.get<double>() > 1)) {
        *error = std::string("'") + key + "." + gate + "' must be a " +
                 (probability ? "probability" : "non-negative number");
        return false;
      }
      (*into)[gate] = v.get<double>() * scale;
    }
    return true;
  };
  if (!figures("gate_errors", 1, &b.error, true) || !figures("median_gate_error", 1, &b.error, true) ||
      !figures("gate_durations", 1, &b.duration_s, false) ||
      !figures("median_gate_length_ns", 1e-9, &b.duration_s, false))
    return false;
  if (const json* r = field({"readout_error", "median_readout_error"})) {
    if (!r->is_number() || r->get<double>() < 0 || r->get<double>() > 1) {
      *error = "'readout_error' must be a probability";
      return false;
    }
    b.readout_error = r->get<double>();
  }
  if (const json* r = field({"readout_duration"})) {
    if (!r->is_number() || r->get<double>() < 0) {
      *error = "'readout_duration' must be a non-negative number of seconds";
      return false;
    }
    b.readout_duration_s = r->get<double>();
  }
  if (const json* p = field({"processor_type", "processor"}); p && p->is_string()) b.processor = p->get<std::string>();
  b.source = "backend file" + std::string(b.error.empty() ? " (no error figures)" : "") +
             (b.duration_s.empty() ? " (no duration figures)" : "");
  *out = std::move(b);
  return true;
}

}  // namespace qvet::backend
