// Backend checks: fit at the qubit boundary, every translation count, connectivity on small
// hand-made maps, the SWAP-free layout search (found, none, unknown), durations and success
// estimates, user JSON backends, and the generated coupling graphs against the real maps.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "backend/backend.hpp"
#include "backend/layout.hpp"
#include "backend/translate.hpp"
#include "circuit/gates.hpp"
#include "helpers.hpp"

using namespace qvet;
using qvet::test::find;

namespace {

Report on(const std::string& src, const std::string& backend, uint64_t max_steps = 2'000'000) {
  Options opt;
  opt.backend = backend;
  opt.limits.max_layout_steps = max_steps;
  return validate(src, opt);
}

Report on_json(const std::string& src, const std::string& json) {
  Options opt;
  opt.backend_json = json;
  return validate(src, opt);
}

std::string py(const std::string& body, int qubits) {
  return "from qiskit import QuantumCircuit\nqc = QuantumCircuit(" + std::to_string(qubits) + ")\n" + body;
}

backend::Backend basis_only(std::vector<std::string> basis) {
  backend::Backend b;
  b.name = "test";
  b.basis = std::move(basis);
  return b;
}

uint64_t count(const backend::Backend& b, const std::string& row) {
  const GateRow* g = find_gate(row);
  REQUIRE(g);
  const backend::Translation t = backend::translate(b, g, g->qiskit_name);
  REQUIRE(t.known);
  return t.total;
}

}  // namespace

TEST_CASE("fit at the qubit boundary", "[backend][fit]") {
  auto reg = [](int n) {
    return "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[" + std::to_string(n) + "];\nh q[0];\n";
  };
  Report fits = on(reg(127), "ibm_brisbane");
  CHECK(fits.valid);
  REQUIRE(fits.has_backend);
  CHECK(fits.backend.fits);
  Report over = on(reg(128), "ibm_brisbane");
  CHECK_FALSE(over.valid);
  CHECK_FALSE(over.backend.fits);
  const Diagnostic* d = find(over, "E701");
  REQUIRE(d);
  CHECK(d->span.line == 3);  // the register that crosses the limit
  CHECK(d->message.find("128 qubits") != std::string::npos);
  CHECK(on(reg(156), "ibm_fez").valid);
  CHECK_FALSE(on(reg(157), "heron-r2").valid);
  CHECK(on(reg(3), "line-3").valid);
  CHECK_FALSE(on(reg(4), "line-3").valid);
}

TEST_CASE("every gate's translation count on the cx, cz and ecr bases", "[backend][translate]") {
  // Basis gates each standard gate becomes with basis {cx, id, rz, sx, x}, and how many of them
  // are cx; on cz, every cx costs 6 more (h.cz.h) and on ecr 3 more (x.ecr.rz.sx).
  struct Row {
    const char* gate;
    uint64_t on_cx, cx;
  };
  const Row rows[] = {
      {"U", 5, 0},         {"u3", 5, 0},     {"u2", 3, 0},     {"u1", 1, 0},    {"id", 1, 0},     {"u0", 0, 0},
      {"u", 5, 0},         {"p", 1, 0},      {"x", 1, 0},      {"y", 2, 0},     {"z", 1, 0},      {"h", 3, 0},
      {"s", 1, 0},         {"sdg", 1, 0},    {"t", 1, 0},      {"tdg", 1, 0},   {"rx", 5, 0},     {"ry", 5, 0},
      {"rz", 1, 0},        {"sx", 1, 0},     {"sxdg", 3, 0},   {"CX", 1, 1},    {"cx", 1, 1},     {"cz", 7, 1},
      {"cy", 3, 1},        {"swap", 3, 3},   {"ch", 11, 1},    {"ccx", 19, 6},  {"cswap", 21, 8}, {"crx", 13, 2},
      {"cry", 12, 2},      {"crz", 4, 2},    {"cu1", 5, 2},    {"cp", 5, 2},    {"cu3", 14, 2},   {"csx", 11, 2},
      {"cu", 15, 2},       {"rxx", 15, 2},   {"rzz", 3, 2},    {"rccx", 13, 3}, {"rc3x", 26, 6},  {"c3x", 35, 14},
      {"c3sqrtx", 83, 20}, {"c4x", 157, 36}, {"iswap", 10, 2}, {"dcx", 2, 2},   {"ecr", 19, 4},   {"ryy", 23, 2},
      {"rzx", 9, 2},
  };
  const backend::Backend cx = basis_only({"cx", "id", "rz", "sx", "x"});
  const backend::Backend cz = basis_only({"cz", "id", "rz", "sx", "x"});
  const backend::Backend ecr = basis_only({"ecr", "id", "rz", "sx", "x"});
  CHECK(sizeof(rows) / sizeof(rows[0]) == gate_rows().size() - 1);  // all but variadic mcx
  for (const Row& r : rows) {
    INFO(r.gate);
    CHECK(count(cx, r.gate) == r.on_cx);
    CHECK(count(cz, r.gate) == (std::string(r.gate) == "cz" ? 1 : r.on_cx + 6 * r.cx));
    CHECK(count(ecr, r.gate) == (std::string(r.gate) == "ecr" ? 1 : r.on_cx + 3 * r.cx));
  }
  // The u1/u2/u3 basis of the 2019 devices: every one-qubit gate is one gate.
  const backend::Backend old = basis_only({"cx", "id", "u1", "u2", "u3"});
  CHECK(count(old, "h") == 1);
  CHECK(count(old, "ccx") == 15);
  // No fixed translation: mcx with 5 controls, or a basis without one-qubit rotations.
  CHECK_FALSE(backend::translate(cx, find_gate("mcx"), "mcx").known);
  CHECK_FALSE(backend::translate(basis_only({"cx"}), find_gate("h"), "h").known);
  // The report names the rules it assumed.
  CHECK(backend::translate(ecr, find_gate("cz"), "cz").text == "cz -> h.cx.h; h -> rz.sx.rz; cx -> x.ecr.rz.sx");
}

TEST_CASE("the translation rules are the gates they replace (up to a global phase)", "[backend][translate]") {
  auto same = [](const std::string& a, const std::string& b) {
    Equivalence e = equivalent(py(a, 2), py(b, 2));
    INFO(a << " vs " << b << ": " << e.error.message);
    REQUIRE(e.ok);
    CHECK(e.equivalent);
  };
  same("qc.cx(0, 1)\n", "from math import pi\nqc.x(0)\nqc.ecr(0, 1)\nqc.rz(pi / 2, 0)\nqc.sx(1)\n");
  same("qc.cx(0, 1)\n", "qc.h(1)\nqc.cz(0, 1)\nqc.h(1)\n");
  same("qc.h(0)\n", "from math import pi\nqc.rz(pi / 2, 0)\nqc.sx(0)\nqc.rz(pi / 2, 0)\n");
  same("qc.y(0)\n", "from math import pi\nqc.rz(pi, 0)\nqc.x(0)\n");
  same("qc.swap(0, 1)\n", "qc.cx(0, 1)\nqc.cx(1, 0)\nqc.cx(0, 1)\n");
}

TEST_CASE("connectivity on small hand-made maps", "[backend][connectivity]") {
  // line-3: 0-1-2. cx(0, 2) is uncoupled as written, 2 couplers apart; moving qubits fixes it.
  Report r = on(py("qc.cx(0, 2)\n", 3), "line-3");
  REQUIRE(r.has_backend);
  CHECK(r.backend.uncoupled == 1);
  CHECK(r.backend.swaps_lower_bound_as_written == 1);
  const Diagnostic* w = find(r, "W702");
  REQUIRE(w);
  CHECK(w->span.line == 3);
  CHECK(w->message.find("2 couplers apart") != std::string::npos);
  CHECK(r.backend.layout_status == "found");
  CHECK(r.backend.swaps_lower_bound == 0);
  // A circuit that fits as written.
  Report ok = on(py("qc.cx(0, 1)\nqc.cx(1, 2)\n", 3), "line-3");
  CHECK(ok.backend.uncoupled == 0);
  CHECK(ok.backend.layout_status == "as written");
  CHECK(find(ok, "W702") == nullptr);
  // A user map with a missing coupler: 0-1, 1-2, 2-3, and 0-3 absent.
  const std::string json =
      R"({"backend_name": "square-minus-one", "n_qubits": 4, "basis_gates": ["cx", "rz", "sx", "x"],
          "coupling_map": [[0, 1], [1, 0], [1, 2], [2, 1], [2, 3], [3, 2]]})";
  Report u = on_json(py("qc.cx(0, 3)\nqc.cx(3, 0)\nqc.cz(1, 2)\n", 4), json);
  CHECK(u.backend.uncoupled == 2);
  CHECK(u.backend.swaps_lower_bound_as_written == 2);  // distance 3
  CHECK(test::count_code(u, "W702") == 2);
  CHECK(u.backend.name == "square-minus-one");
}

TEST_CASE("the layout search: one non-trivial layout, none, and an honest unknown", "[backend][layout]") {
  // A 4-cycle 0-2-1-3-0 on ring-4 (0-1-2-3-0): as written 0-2 and 1-3 are not coupled; the search
  // must find the placement that turns the cycle into the ring.
  Report r = on(py("qc.cx(0, 2)\nqc.cx(2, 1)\nqc.cx(1, 3)\nqc.cx(3, 0)\n", 4), "ring-4");
  REQUIRE(r.backend.layout_status == "found");
  const std::vector<int32_t>& l = r.backend.layout;
  REQUIRE(l.size() == 4);
  const std::set<int32_t> distinct(l.begin(), l.end());
  CHECK(distinct.size() == 4);
  const auto coupled = [](int32_t a, int32_t b) { return (a - b + 4) % 4 == 1 || (b - a + 4) % 4 == 1; };
  CHECK(coupled(l[0], l[2]));
  CHECK(coupled(l[2], l[1]));
  CHECK(coupled(l[1], l[3]));
  CHECK(coupled(l[3], l[0]));
  CHECK(r.backend.swaps_lower_bound == 0);
  CHECK(find(r, "W703") == nullptr);

  // None: a triangle on heavy-hex (bipartite: no odd cycle), a star of 4 on Eagle (degree at most
  // 3), and a 4-cycle on a line, which only the exhaustive search rules out.
  Report tri = on(py("qc.cx(0, 1)\nqc.cx(1, 2)\nqc.cx(2, 0)\n", 3), "ibm_brisbane");
  CHECK(tri.backend.layout_status == "none");
  CHECK(tri.backend.swaps_lower_bound == 1);
  REQUIRE(find(tri, "W703"));
  CHECK(find(tri, "W703")->message.find("odd cycle") != std::string::npos);
  Report star = on(py("qc.cx(0, [1, 2, 3, 4])\n", 5), "eagle-r3");
  CHECK(star.backend.layout_status == "none");
  CHECK(star.backend.layout_note.find("interacts with 4 others") != std::string::npos);
  Report cyc = on(py("qc.cx(0, 1)\nqc.cx(1, 2)\nqc.cx(2, 3)\nqc.cx(3, 0)\n", 4), "line-10");
  CHECK(cyc.backend.layout_status == "none");
  CHECK(cyc.backend.layout_note.find("exhaustive") != std::string::npos);
  CHECK(cyc.backend.layout_steps > 0);

  // Unknown: the cycle on the line again, with a budget of 5 candidate checks.
  Report unk = on(py("qc.cx(0, 1)\nqc.cx(1, 2)\nqc.cx(2, 3)\nqc.cx(3, 0)\n", 4), "line-10", 5);
  CHECK(unk.backend.layout_status == "unknown");
  CHECK(unk.backend.swaps_lower_bound == -1);
  CHECK(find(unk, "W704"));
}

TEST_CASE("a 30-qubit chain is laid out along a path of the heavy-hex lattice", "[backend][layout]") {
  // GHZ as a chain over 30 qubits: as written it hits uncoupled pairs on Eagle (qubit 13 is not
  // coupled to 14 in row order) but a path of 30 exists on heavy-hex, so a layout is found.
  std::string body = "qc.h(0)\nfor i in range(29):\n    qc.cx(i, i + 1)\n";
  Report r = on(py(body, 30), "ibm_brisbane");
  REQUIRE(r.has_backend);
  CHECK(r.backend.uncoupled > 0);
  CHECK(r.backend.layout_status == "found");
  const backend::Graph g = backend::Graph::from_edges(127, backend::eagle_127());
  for (int i = 0; i < 29; ++i)
    CHECK(g.has(static_cast<uint32_t>(r.backend.layout[i]), static_cast<uint32_t>(r.backend.layout[i + 1])));
}

TEST_CASE("duration and success estimates", "[backend][estimates]") {
  const std::string json = R"({
    "backend_name": "toy", "n_qubits": 2, "basis_gates": ["cx", "rz", "sx", "x"],
    "coupling_map": [[0, 1]],
    "gate_errors": {"cx": 0.01, "sx": 0.001, "x": 0.001, "rz": 0},
    "gate_durations": {"cx": 3e-7, "sx": 3e-8, "x": 3e-8, "rz": 0},
    "readout_error": 0.02, "readout_duration": 1e-6
  })";
  // h -> rz.sx.rz (30 ns), cx 300 ns, then two parallel measurements of 1 us.
  Report r = on_json(py("qc.h(0)\nqc.cx(0, 1)\nqc.measure_all()\n", 2), json);
  REQUIRE(r.has_backend);
  CHECK(r.backend.duration_s == Approx(1.33e-6).epsilon(1e-12));
  CHECK(r.estimated_execution_time == Approx(1.33e-6).epsilon(1e-12));
  CHECK(r.backend.success_probability == Approx(0.999 * 0.99 * 0.98 * 0.98).epsilon(1e-12));
  CHECK(r.backend.directed);  // [0, 1] only
  // A barrier lines qubits up: x on 1 waits for the h on 0.
  Report b = on_json(py("qc.h(0)\nqc.h(0)\nqc.barrier()\nqc.x(1)\n", 2), json);
  CHECK(b.backend.duration_s == Approx(9e-8).epsilon(1e-12));
  // Unknown figures stay unknown: a generic profile has none.
  Report g = on(py("qc.h(0)\n", 2), "line-2");
  CHECK(g.backend.duration_s < 0);
  CHECK(g.backend.success_probability < 0);
  CHECK(g.estimated_execution_time == Approx(0.11));  // the old formula, depth*0.1 + gates*0.01
  // The Eagle profile's figures: a Bell pair is h (60 ns) + cx (x 60 + ecr 626.9 + sx 60 ns).
  Report e = on(py("qc.h(0)\nqc.cx(0, 1)\n", 2), "ibm_sherbrooke");
  CHECK(e.backend.duration_s == Approx(806.9e-9).epsilon(1e-9));
  const double p1 = 1 - 2.5185e-4, p2 = 1 - 0.008805;
  CHECK(e.backend.success_probability == Approx(p1 * p1 * p1 * p2).epsilon(1e-9));
}

TEST_CASE("user backends: Qiskit-style JSON, and clear errors for bad files", "[backend][json]") {
  auto problem = [](const std::string& json) {
    Options o;
    o.backend_json = json;
    return backend_problem(o);
  };
  CHECK(problem(R"({"backend_name": "b", "n_qubits": 2, "basis_gates": ["cx"], "coupling_map": [[0, 1]]})").empty());
  CHECK(problem("{\n  \"backend_name\": \"b\",\n  \"n_qubits\": 2,,\n}") ==
        "backend file: line 3, column 17: not valid JSON");
  CHECK(problem("[1, 2]").find("must be a JSON object") != std::string::npos);
  CHECK(problem(R"({"n_qubits": 2, "basis_gates": ["cx"]})").find("'backend_name'") != std::string::npos);
  CHECK(problem(R"({"backend_name": "b", "n_qubits": -1, "basis_gates": ["cx"]})").find("'n_qubits'") !=
        std::string::npos);
  CHECK(problem(R"({"backend_name": "b", "n_qubits": 2, "basis_gates": []})").find("'basis_gates'") !=
        std::string::npos);
  CHECK(problem(R"({"backend_name": "b", "n_qubits": 2, "basis_gates": ["cx"], "coupling_map": [[0, 2]]})")
            .find("coupling_map[0] = [0, 2]") != std::string::npos);
  CHECK(problem(R"({"backend_name": "b", "n_qubits": 2, "basis_gates": ["cx"], "gate_errors": {"cx": 2}})")
            .find("probability") != std::string::npos);
  Options unknown;
  unknown.backend = "ibm_nowhere";
  CHECK(backend_problem(unknown).find("unknown backend 'ibm_nowhere'") != std::string::npos);
  // Through validate: E702, and the circuit is reported as not checked rather than as fine.
  Report r = on(py("qc.h(0)\n", 1), "ibm_nowhere");
  CHECK_FALSE(r.valid);
  CHECK(find(r, "E702"));
  // An entry of ../shared/data/backends/backends.json is accepted as it is.
  const std::string entry = R"({"name": "ibm_demo", "num_qubits": 3, "basis_gates": ["cz", "id", "rz", "sx", "x"],
      "coupling_map": [[0, 1], [1, 0], [1, 2], [2, 1]], "median_gate_error": {"cz": 0.003, "sx": 0.0002},
      "median_gate_length_ns": {"cz": 68, "sx": 32, "x": 32, "rz": 0}, "median_readout_error": 0.01})";
  Report s = on_json(py("qc.sx(0)\nqc.cz(0, 1)\n", 3), entry);
  REQUIRE(s.has_backend);
  CHECK(s.backend.name == "ibm_demo");
  CHECK(s.backend.duration_s == Approx(100e-9).epsilon(1e-12));
  CHECK_FALSE(s.backend.directed);
}

TEST_CASE("profiles: names, devices and generic shapes", "[backend][profiles]") {
  backend::Backend b;
  std::string why;
  REQUIRE(backend::find_profile("ibm_kingston", &b, &why));
  CHECK(b.processor == "Heron r2");
  CHECK(b.num_qubits == 156);
  REQUIRE(backend::find_profile("grid-3x4", &b, &why));
  CHECK(b.num_qubits == 12);
  CHECK(b.edges.size() == 3 * 3 + 2 * 4);
  REQUIRE(backend::find_profile("all-to-all-5", &b, &why));
  CHECK(b.edges.size() == 10);
  REQUIRE(backend::find_profile("ring-5", &b, &why));
  CHECK(b.edges.size() == 5);
  CHECK_FALSE(backend::find_profile("line-0", &b, &why));
  CHECK_FALSE(backend::find_profile("line-100000", &b, &why));
  CHECK_FALSE(backend::find_profile("grid-40x40", &b, &why));
  CHECK(backend::eagle_127().size() == 144);
  CHECK(backend::heron_r1_133().size() == 150);
  CHECK(backend::heron_r2_156().size() == 176);
  CHECK(backend::nighthawk_120().size() == 218);
  CHECK(backend::falcon_27().size() == 28);
  CHECK(backend_profiles().size() == 10);
}

TEST_CASE("generated coupling graphs equal the real devices' maps", "[backend][shared]") {
  const std::string path = std::string(QVET_SHARED_DIR) + "/data/backends/backends.json";
  std::ifstream in(path);
  if (!in) {
    QVET_SKIP(path << " is absent (the backend facts live in ../shared beside the project)");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const nlohmann::json all = nlohmann::json::parse(ss.str());
  size_t compared = 0;
  for (const BackendProfileInfo& p : backend_profiles())
    for (const std::string& device : p.devices) {
      // The profile lists a few devices under their public names; the data may call them otherwise.
      const nlohmann::json* entry = nullptr;
      for (const auto& e : all)
        if (e["name"] == device || e["name"] == "alt_" + device.substr(4)) entry = &e;
      if (!entry) continue;
      INFO(device);
      backend::Backend b;
      std::string why;
      REQUIRE(backend::find_profile(device, &b, &why));
      std::set<backend::Edge> real;
      for (const auto& e : (*entry)["coupling_map"]) {
        const uint32_t a = e[0], c = e[1];
        real.insert({std::min(a, c), std::max(a, c)});
      }
      CHECK(std::set<backend::Edge>(b.edges.begin(), b.edges.end()) == real);
      CHECK(b.num_qubits == (*entry)["num_qubits"].get<uint32_t>());
      ++compared;
    }
  CHECK(compared == 31);  // 10 Eagle r3, 1 + 3 + 3 Heron, 2 Nighthawk, 12 Falcon
}

// Found by fuzzing under AddressSanitizer: an opaque gate has no row in the gate table, and the
// translation once read the row before the table for it. Now it is a gate with no fixed
// translation, said so in W701, on every kind of basis, also when a custom gate wraps it.
TEST_CASE("an opaque gate checked against a backend has no fixed translation", "[backend][translate][opaque]") {
  const std::string direct = "opaque magic(a) q, r; qreg q[2]; magic(0) q[0], q[1];";
  const std::string wrapped =
      "OPENQASM 2.0;\nopaque magic(a) q, r;\ngate w a, b { magic(0.5) a, b; }\nqreg q[2];\nw q[0], q[1];\n";
  for (const std::string& src : {direct, wrapped})
    for (const char* device : {"ibm_brisbane", "ibm_torino", "line-2"}) {
      INFO(device << ": " << src);
      Report r = on(src, device);
      CHECK(r.valid);
      REQUIRE(r.has_backend);
      const Diagnostic* w = find(r, "W701");
      REQUIRE(w);
      CHECK_THAT(w->message, Catch::Contains("'magic' is an opaque gate") && Catch::Contains("unknown"));
      REQUIRE(r.backend.translations.size() == 1);
      CHECK(r.backend.translations[0].gate == "magic");
      CHECK(r.backend.translations[0].each == -1);
      CHECK_FALSE(r.backend.translation_complete);
      CHECK(r.backend.duration_s < 0);  // unknown, not a number made up for the opaque gate
    }
}

// OpenQASM 2's CX and qelib1's cx are one Qiskit gate, cx: one translation entry and one warning.
TEST_CASE("CX and cx translate as one gate, under Qiskit's name", "[backend][translate]") {
  const Report r =
      on("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nCX q[0], q[1];\ncx q[1], q[0];\nU(0.1, 0.2, 0.3) q[0];\n",
         "ibm_torino");
  REQUIRE(r.has_backend);
  CHECK(test::count_code(r, "W701") == 2);  // cx and u, once each
  const Diagnostic* w = find(r, "W701");
  REQUIRE(w);
  CHECK_THAT(w->message, Catch::StartsWith("'cx' is not a basis gate of ibm_torino") &&
                             Catch::Contains("(cx -> h.cz.h; h -> rz.sx.rz); used 2 times"));
  REQUIRE(r.backend.translations.size() == 2);
  CHECK(r.backend.translations[0].gate == "cx");
  CHECK(r.backend.translations[0].count == 2);
  CHECK(r.backend.translations[1].gate == "u");
  CHECK(r.backend.translations[1].translation == "u -> rz.sx.rz.sx.rz");
}
