// The table of diagnostic codes (core/diagnostics/codes.cpp) against the three things that must
// agree with it: the code literals in the sources, docs/diagnostics.md, and the reports themselves.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "diagnostics/codes.hpp"
#include "helpers.hpp"

namespace fs = std::filesystem;
using namespace qvet;
using namespace qvet::test;

namespace {

// The checkout the test was built from; under Node, NODERAWFS shows it at the same path.
const fs::path kRoot = QVET_SOURCE_DIR;

bool have_sources() { return fs::is_directory(kRoot / "core"); }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool is_code(std::string_view s) {
  return s.size() == 4 && (s[0] == 'E' || s[0] == 'W' || s[0] == 'I') &&
         std::isdigit(static_cast<unsigned char>(s[1])) && std::isdigit(static_cast<unsigned char>(s[2])) &&
         std::isdigit(static_cast<unsigned char>(s[3]));
}

// A code literal ("E204", quotes included) in a source file, and where it is, for the message.
struct Use {
  std::string code, where;
  bool operator<(const Use& o) const { return std::tie(code, where) < std::tie(o.code, o.where); }
};

// Every code literal in the .cpp and .hpp files under these folders of the checkout, but for the
// table's own files: they name every code, and would make each row look produced.
std::vector<Use> code_literals(std::initializer_list<const char*> dirs) {
  std::vector<Use> uses;
  for (const char* dir : dirs) {
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(kRoot / dir)) {
      const fs::path& p = e.path();
      if (!e.is_regular_file() || (p.extension() != ".cpp" && p.extension() != ".hpp")) continue;
      const std::string rel = p.lexically_relative(kRoot).generic_string();
      if (rel == "core/diagnostics/codes.cpp" || rel == "core/diagnostics/codes.hpp") continue;
      const std::string text = read_file(p);
      size_t line = 1;
      for (size_t i = 0; i + 5 < text.size(); ++i) {
        if (text[i] == '\n') ++line;
        if (text[i] == '"' && text[i + 5] == '"' && is_code(std::string_view(text).substr(i + 1, 4)))
          uses.push_back({text.substr(i + 1, 4), rel + ":" + std::to_string(line)});
      }
    }
  }
  std::sort(uses.begin(), uses.end());  // directory order varies; messages should not
  return uses;
}

// A row of a table in docs/diagnostics.md whose first cell names a code.
struct DocRow {
  std::string code, anchor, title, text, section;
  size_t line = 0;
};

struct Docs {
  std::vector<DocRow> rows;
  std::vector<std::pair<std::string, size_t>> mentions;  // every code named anywhere, with its line
};

Docs read_docs() {
  const std::string md = read_file(kRoot / "docs" / "diagnostics.md");
  const std::regex code_re(R"(\b[EWI][0-9]{3}\b)");
  const std::regex anchor_re(R"re(<a id="([^"]*)"></a>)re");
  const std::regex title_re(R"(^\s*\*\*([^*]+)\*\*)");
  Docs docs;
  std::istringstream in(md);
  std::string line, section;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (line.rfind("## ", 0) == 0) section = line.substr(3);
    for (std::sregex_iterator it(line.begin(), line.end(), code_re), end; it != end; ++it)
      docs.mentions.emplace_back(it->str(), n);
    if (line.rfind('|', 0) != 0) continue;
    const size_t bar = line.find('|', 1);
    if (bar == std::string::npos) continue;
    const std::string first = line.substr(1, bar - 1), rest = line.substr(bar + 1);
    std::smatch code, anchor, title;
    if (!std::regex_search(first, code, code_re)) continue;  // a header or separator row
    DocRow row;
    row.code = code.str();
    if (std::regex_search(first, anchor, anchor_re)) row.anchor = anchor[1];
    if (std::regex_search(rest, title, title_re)) row.title = title[1];
    row.text = rest;
    row.section = section;
    row.line = n;
    docs.rows.push_back(std::move(row));
  }
  return docs;
}

const char* name(Severity s) { return severity_name(s); }

}  // namespace

TEST_CASE("every code literal in core and cli and wasm and the tests is in the code table", "[codes]") {
  if (!have_sources()) QVET_SKIP("no source tree at " << kRoot.string());
  const std::vector<Use> uses = code_literals({"core", "cli", "wasm", "tests"});
  REQUIRE(uses.size() > 100);  // a scan that finds nothing would prove nothing
  for (const Use& u : uses) {
    INFO(u.code << " at " << u.where << " is not in the code table (core/diagnostics/codes.cpp)");
    CHECK(find_code(u.code) != nullptr);
  }
}

TEST_CASE("every active code in the table is produced by the sources and no retired one is", "[codes]") {
  if (!have_sources()) QVET_SKIP("no source tree at " << kRoot.string());
  std::map<std::string, std::string> produced;  // code -> its first use
  for (const Use& u : code_literals({"core", "cli", "wasm"})) produced.emplace(u.code, u.where);
  for (const DiagnosticCode& row : diagnostic_codes()) {
    const auto it = produced.find(std::string(row.code));
    if (row.retired) {
      INFO(row.code << " is retired in the code table but still produced at "
                    << (it == produced.end() ? "" : it->second));
      CHECK(produced.count(std::string(row.code)) == 0);
    } else {
      INFO(row.code << " is in the code table but nothing under core/ cli/ wasm/ produces it"
                    << " (mark it retired: codes are never reused)");
      CHECK(produced.count(std::string(row.code)) == 1);
    }
  }
}

TEST_CASE("each row of the code table is well formed and its severity agrees with its letter", "[codes]") {
  std::set<std::string_view> anchors;
  REQUIRE(diagnostic_codes().size() > 0);
  for (const DiagnosticCode& row : diagnostic_codes()) {
    INFO(row.code << " (" << row.title << ")");
    CHECK(is_code(row.code));
    if (!is_code(row.code)) continue;
    // E is an error, W a warning and I an info, wherever it is reported (simulation codes, in
    // simulation.error.code, are errors too).
    CHECK(std::string(name(row.severity)) == (row.code[0] == 'E' ? "error" : row.code[0] == 'W' ? "warning" : "info"));
    CHECK_FALSE(row.title.empty());
    CHECK_FALSE(row.anchor.empty());
    CHECK(anchors.insert(row.anchor).second);  // one anchor, one code
    CHECK(row.origin != 0);
    if (row.strict_error) CHECK(std::string(name(row.severity)) == "warning");  // --strict can only raise
    if (row.origin & origin::simulation) CHECK(row.origin == origin::simulation);
  }
}

TEST_CASE("find_code finds each row and nothing else", "[codes]") {
  for (const DiagnosticCode& row : diagnostic_codes()) CHECK(find_code(row.code) == &row);
  CHECK(find_code("") == nullptr);
  CHECK(find_code("e204") == nullptr);  // codes are upper case, as reports print them
  CHECK(find_code("E20") == nullptr);
  CHECK(find_code("E2041") == nullptr);
}

TEST_CASE("docs/diagnostics.md documents each code of the table with its anchor and title", "[codes][docs]") {
  if (!have_sources()) QVET_SKIP("no source tree at " << kRoot.string());
  const Docs docs = read_docs();
  std::map<std::string, std::vector<const DocRow*>> by_code;
  for (const DocRow& r : docs.rows) by_code[r.code].push_back(&r);
  for (const DiagnosticCode& row : diagnostic_codes()) {
    const std::vector<const DocRow*>& found = by_code[std::string(row.code)];
    if (found.size() != 1) {
      FAIL_CHECK(row.code << " is in the code table: docs/diagnostics.md needs one row for it, not " << found.size());
      continue;
    }
    const DocRow& doc = *found[0];
    INFO(row.code << " at docs/diagnostics.md:" << doc.line << ": the row should start `| <a id=\"" << row.anchor
                  << "\"></a>" << row.code << " | **" << row.title << "**`");
    CHECK(doc.anchor == std::string(row.anchor));
    CHECK(doc.title == std::string(row.title));
    {
      INFO("the row of a retired code, and only that, says \"(retired\"");
      CHECK((doc.text.find("(retired") != std::string::npos) == row.retired);
    }
    // Simulation codes arrive in the report's simulation section, not its diagnostics: the page
    // keeps them in a section of their own.
    const bool simulation = (row.origin & origin::simulation) != 0;
    INFO("it is in the section '" << doc.section
                                  << "'; simulation codes, and only they, belong in 'Simulation errors'");
    CHECK((doc.section.rfind("Simulation", 0) == 0) == simulation);
  }
}

TEST_CASE("docs/diagnostics.md names no code outside the table", "[codes][docs]") {
  if (!have_sources()) QVET_SKIP("no source tree at " << kRoot.string());
  const Docs docs = read_docs();
  REQUIRE(docs.mentions.size() >= diagnostic_codes().size());
  for (const auto& [code, line] : docs.mentions) {
    INFO("docs/diagnostics.md:" << line << " names " << code << ", which is not in the code table");
    CHECK(find_code(code) != nullptr);
  }
}

namespace {

Options opts(const std::function<void(Options&)>& set) {
  Options o;
  set(o);
  return o;
}

// An input, and the code it is here for.
struct Probe {
  const char* code;
  std::string src;
  Options opt = {};
};

constexpr const char* kPy = "from qiskit import QuantumCircuit\nqc = QuantumCircuit(3)\n";

std::string chain(int levels, bool doubling) {
  std::string src = prog("gate g0 a { x a; }\n");
  for (int i = 1; i <= levels; ++i) {
    const std::string prev = "g" + std::to_string(i - 1) + " a; ";
    src += "gate g" + std::to_string(i) + " a { " + prev + (doubling ? prev : "") + "}\n";
  }
  return src + "qreg q[1];\ng" + std::to_string(levels) + " q[0];\n";
}

std::vector<Probe> validation_probes() {
  const std::string py(kPy);
  return {
      {"E101", prog("qreg q[1];\nh q[0]; @\n")},
      {"E102", prog("qreg q[1]\nh q[0];\n")},
      {"E105", prog("qreg q[99999999999999999999999];\n")},
      {"E110", "OPENQASM 4.0;\n"},
      {"E111", "qreg q[1];\nOPENQASM 2.0;\n"},
      {"E120", prog("include \"other.inc\";\n")},
      {"E140", "OPENQASM 3.0;\nqubit q;\nU(q, 0, 0) q;\n"},
      {"E141", "OPENQASM 3.0;\ninput int n;\nqubit[n] q;\n"},
      {"E142", "OPENQASM 3.0;\nfloat x = sin(1, 2);\n"},
      {"E143", "OPENQASM 3.0;\nbreak;\n"},
      {"E144", "OPENQASM 3.0;\nconst int n = 2;\nn = 3;\n"},
      {"E145", "OPENQASM 3.0;\nqubit q;\nU(0, 0, 0) $0;\n"},
      {"E146", "OPENQASM 3.0;\ninput float t;\nqubit[3] q;\nctrl(2) @ U(t, 0, 0) q[0], q[1], q[2];\n"},
      {"E201", prog("qreg q[1];\nh r[0];\n")},
      {"E202", prog("qreg q[1];\ncreg q[1];\n")},
      {"E203", prog("creg c[1];\nh c[0];\n")},
      {"E204", prog("qreg q[2];\nx q[2];\n")},
      {"E301", prog("qreg q[1];\nrx(1, 2) q[0];\n")},
      {"E302", prog("qreg q[3];\ncx q[0], q[1], q[2];\n")},
      {"E303", prog("qreg q[2];\ncx q[1], q[1];\n")},
      {"E304", prog("qreg a[2];\nqreg b[3];\ncx a, b;\n")},
      {"E305", prog("qreg q[1];\nfoo q[0];\n")},
      {"E306", prog("gate loop a { loop a; }\n")},
      {"E307", "OPENQASM 2.0;\ngate rzz a, b { CX a, b; }\n"},
      {"E310", prog("qreg q[1];\nrz(1/0) q[0];\n")},
      {"E410", "OPENQASM 3.0;\nint i = 0;\nwhile (true) { i += 1; }\n",
       opts([](Options& o) { o.limits.max_qasm3_steps = 1000; })},
      {"W120", "OPENQASM 3.0;\nint i = 0;\n"},
      {"W121", "OPENQASM 3.0;\n#pragma qvet anything\nqubit q;\nU(0, 0, 0) q;\n"},
      {"W122", "OPENQASM 3.0;\nqubit q;\nbit c;\nc = measure q;\nangle[1] a;\nmeasure q -> a[0];\nU(a, 0, 0) q;\n"},
      {"W123", "OPENQASM 3.0;\ndef f(qubit a) { U(0, 0, 0) a; }\nqubit q;\nf q;\n"},
      {"W124", "OPENQASM 3.0;\nqubit[2] q;\ncnot q[0], q[1];\n"},
      {"E401", prog("qreg q[1];\n"), opts([](Options& o) { o.limits.max_source_bytes = 16; })},
      {"E402", prog("qreg q[1000000000000];\nh q;\n")},
      {"E403", prog("creg c[5];\n"), opts([](Options& o) { o.limits.max_clbits = 4; })},
      {"E404", prog("qreg q[60];\nh q;\nx q;\n"), opts([](Options& o) { o.limits.max_instructions = 100; })},
      {"E405", chain(8, false), opts([](Options& o) { o.limits.max_gate_nesting = 5; })},
      {"E406", chain(20, true), opts([](Options& o) { o.limits.max_expanded_ops = 1000; })},
      {"E407", prog("qreg q[1];\nrz(" + std::string(200, '(') + "1" + std::string(200, ')') + ") q[0];\n")},
      {"W101", "include \"qelib1.inc\";\nqreg q[1];\nh q[0];\n"},
      {"W102", prog("qreg q[2];\nsx q[0];\n")},
      {"W103", "OPENQASM 2.0;\nqreg q[2];\nswap q[0], q[1];\n"},
      {"W104", prog("qreg q[2];;\ncx q[0], q[1],;\n")},
      {"W105", "OPENQASM 2;\nqreg q[1];\n"},
      // The same departures with --strict: errors, under their W codes.
      {"W101", "include \"qelib1.inc\";\nqreg q[2];\nsx q[0];\ncx q[0], q[1],;\n",
       opts([](Options& o) { o.strict = true; })},
      {"W201", prog("opaque magic(a) q, r;\nqreg q[2];\nmagic(0.5) q[0], q[1];\n")},
      {"W202", prog("qreg q[1];\nqreg spare[2];\nh q[0];\n")},
      {"W203", prog("qreg q[4];\nh q[0];\n")},
      {"W204", prog("qreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\nh q[0];\n")},
      {"W205", prog("gate g a { h a; }\nqreg q[1];\nx q[0];\n")},
      {"W206", prog("include \"qelib1.inc\";\nqreg q[1];\nh q[0];\n")},
      {"W207", prog("qreg e[0];\nqreg q[1];\nh q[0];\n")},
      {"W208", prog("qreg q[1];\ncreg c[2];\nif (c == 4) x q[0];\n")},
      {"W209", prog("qreg q[1];\n// qvet: disable W9990\nh q[0];\n")},
      {"W602",
       "from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\nb = "
       "QuantumCircuit(2)\nb.h(0)\nqc.compose(b)\nqc.h(0)\n"},
      {"W603", "from qiskit import QuantumCircuit\nqc = QuantumCircuit(2, 2)\nqc.h(0)\nqc.measure_all()\n"},
      {"W604",
       "from qiskit import QuantumCircuit, transpile\nqc = QuantumCircuit(2)\nqc.h(0)\ntqc = "
       "transpile(qc)\nqc.measure_all()\n"},
      {"W210", prog("qreg q[1];\ncreg c[1];\nif (c == 0) x q[0];\n")},
      {"W211", prog("qreg q[1];\ncreg c[2];\nh q[0];\nmeasure q[0] -> c[0];\nmeasure q[0] -> c[1];\n")},
      {"W212", prog("qreg q[1];\ncreg c[1];\nh q[0];\nmeasure q[0] -> c[0];\nx q[0];\nmeasure q[0] -> c[0];\n")},
      {"W213", prog("qreg q[2];\ncreg c[1];\nh q;\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[0];\n")},
      {"W214", prog("qreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\n"),
       opts([](Options& o) { o.rules.enable = {"W214"}; })},
      {"E402", "from qiskit import QuantumCircuit\nqc = QuantumCircuit(10**12)\n"},
      {"E404", py + "for i in range(200):\n    qc.h(0)\n", opts([](Options& o) { o.limits.max_instructions = 100; })},
      {"E407", py + "x = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n"},
      {"E601", py + "qc.h(0\n"},
      {"E603", py + "import os\n"},
      {"E604", py + "qc.h(undefined)\n"},
      {"E605", py + "qc.h(0.5)\n"},
      {"E606", py + "qc.h(3)\n"},
      {"E607", py + "qc.cx(1, 1)\n"},
      {"E608", py + "for i in range(10**12):\n    pass\n"},
      {"E609", py + "qc.rx(1 / 0, 0)\n"},
      {"E610", "import math\nx = math.pi\n"},
      {"E611", std::string(kPy) + "n = 3\nassert n % 2 == 0, 'n must be even'\n"},
      {"E612", std::string(kPy) + "def down(k):\n    return down(k + 1)\ndown(0)\n"},
      {"E613", std::string(kPy) + "from qiskit_aer import AerSimulator\nn = AerSimulator().num_qubits\nqc.h(n)\n"},
      {"E614", "{\"cells\": [], \"nbformat\": 4}"},
      {"E615", py + "x = list(range(10**12))\n"},
      {"E616", py + "a = []\nfor i in range(1000):\n    a = [a]\n"},
      {"I601", std::string(kPy) + "from qiskit_aer import AerSimulator\nsim = AerSimulator()\n"},
      {"I602", std::string(kPy) + "%matplotlib inline\nqc.h(0)\n"},
      {"W202",
       "from qiskit import QuantumCircuit, QuantumRegister\na = QuantumRegister(1, 'a')\n"
       "b = QuantumRegister(1, 'b')\nqc = QuantumCircuit(a, b)\nqc.h(a[0])\n"},
      {"W601", py + "ghz = QuantumCircuit(3)\nghz.h(0)\n"},
      {"E701", prog("qreg q[4];\nh q[0];\n"), opts([](Options& o) { o.backend = "line-3"; })},
      {"E702", py + "qc.h(0)\n", opts([](Options& o) { o.backend = "ibm_nowhere"; })},
      {"W701", prog("qreg q[1];\nh q[0];\n"), opts([](Options& o) { o.backend = "ibm_brisbane"; })},
      {"W702", py + "qc.cx(0, 2)\n", opts([](Options& o) { o.backend = "line-3"; })},
      {"W703", py + "qc.cx(0, 1)\nqc.cx(1, 2)\nqc.cx(2, 0)\n", opts([](Options& o) { o.backend = "ibm_brisbane"; })},
      {"W704",
       "from qiskit import QuantumCircuit\nqc = QuantumCircuit(4)\nqc.cx(0, 1)\nqc.cx(1, 2)\nqc.cx(2, 3)\nqc.cx(3, "
       "0)\n",
       opts([](Options& o) {
         o.backend = "line-10";
         o.limits.max_layout_steps = 5;
       })},
  };
}

// A circuit that validates, and the simulation error it is here for.
struct SimProbe {
  const char* code;
  std::string src;
  std::function<void(SimOptions&)> set;
};

std::vector<SimProbe> simulation_probes() {
  const std::string mid = prog("qreg q[10];\ncreg c[1];\nh q;\nmeasure q[0] -> c[0];\nh q[0];\n");
  return {
      {"E501", prog("opaque magic a;\nqreg q[1];\nh q[0];\nmagic q[0];\n"), [](SimOptions&) {}},
      {"E502", prog("qreg q[29];\nh q;\n"), [](SimOptions&) {}},
      {"E503", prog("qreg q[17];\nh q;\n"), [](SimOptions& s) { s.max_memory_bytes = 1 << 20; }},
      {"E504", prog("qreg q[1];\nh q;\n"), [](SimOptions& s) { s.shots = 20'000'000; }},
      {"E505", mid,
       [](SimOptions& s) {
         s.shots = 100000;
         s.max_trajectory_work = 1'000'000;
       }},
      {"E506", prog("qreg q[2];\nh q[0];\n"), [](SimOptions& s) { s.paulis = {"ZQ"}; }},
      {"E507", prog("qreg q[1];\ncreg c[13300];\nif (c == 1" + std::string(4000, '0') + ") x q[0];\n"),
       [](SimOptions&) {}},
      {"E508", prog("qreg q[3];\nh q;\n"),
       [](SimOptions& s) {
         s.statevector = true;
         s.max_statevector_qubits = 2;
       }},
      {"E509",
       "from qiskit import QuantumCircuit\nfrom qiskit.circuit import Parameter\nqc = QuantumCircuit(1)\n"
       "qc.rx(Parameter('theta'), 0)\n",
       [](SimOptions&) {}},
  };
}

// Each diagnostic of r against its row: known, not retired, from the front end that ran (or the
// backend checks), and with the row's severity (an error, for a strict_error row under --strict).
void check_diagnostics(const Report& r, const Options& opt) {
  const unsigned front = r.format == "qasm2"    ? origin::qasm2
                         : r.format == "python" ? origin::python
                         : r.format == "qasm3"  ? origin::qasm3
                                                : origin::any;
  for (const Diagnostic& d : r.diagnostics) {
    INFO("the report (format " << r.format << (opt.strict ? ", strict" : "") << ") gives " << d.code << " as "
                               << name(d.severity) << ": " << d.message);
    const DiagnosticCode* row = find_code(d.code);
    CHECK(row != nullptr);
    if (!row) continue;
    CHECK_FALSE(row->retired);
    CHECK((row->origin & (front | origin::backend)) != 0);
    const Severity expected = row->strict_error && opt.strict ? Severity::Error : row->severity;
    INFO("the code table says " << name(expected));
    CHECK(std::string(name(d.severity)) == name(expected));
  }
}

}  // namespace

TEST_CASE("every diagnostic in a report is in the code table with the severity the report shows", "[codes][reports]") {
  std::set<std::string> seen;
  for (const Probe& p : validation_probes()) {
    const Report r = run(p.src, p.opt);
    INFO("input for " << p.code << ":\n" << p.src.substr(0, 300));
    CHECK(find(r, p.code) != nullptr);  // an input that no longer gives its code checks less
    check_diagnostics(r, p.opt);
    for (const Diagnostic& d : r.diagnostics) seen.insert(d.code);
  }
  for (const SimProbe& p : simulation_probes()) {
    SimOptions sim;
    p.set(sim);
    const Report r = simulate(p.src, Options{}, sim);
    INFO("input for " << p.code << ":\n" << p.src.substr(0, 300));
    REQUIRE(r.valid);
    REQUIRE(r.has_simulation);
    CHECK_FALSE(r.simulation.ok);
    CHECK(r.simulation.error.code == p.code);
    check_diagnostics(r, Options{});
    INFO("simulation.error.code is " << r.simulation.error.code
                                     << ": the code table should have it as a simulation error");
    const DiagnosticCode* row = find_code(r.simulation.error.code);
    REQUIRE(row != nullptr);
    CHECK((row->origin & origin::simulation) != 0);
    CHECK(std::string(name(row->severity)) == "error");  // the simulation failed, whatever the slot
    seen.insert(r.simulation.error.code);
  }
  // The unitary tools report in the same shape: equivalent()'s error.
  const std::string one = prog("qreg q[1];\n"), measured = prog("qreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\n");
  for (const auto& [code, e] : {std::pair<std::string, Equivalence>{"E510", equivalent(measured, one)},
                                {"E511", equivalent(prog("qreg q[11];\n"), prog("qreg q[11];\n"))},
                                {"E512", equivalent(one, prog("qreg q[2];\n"))}}) {
    INFO("equivalent() for " << code << " gives " << e.error.code << ": " << e.error.message);
    CHECK_FALSE(e.ok);
    CHECK(e.error.code == code);
    const DiagnosticCode* row = find_code(e.error.code);
    REQUIRE(row != nullptr);
    CHECK((row->origin & origin::simulation) != 0);
    CHECK(e.error.severity == Severity::Error);
    seen.insert(e.error.code);
  }
  // The exporter's codes, in an export's diagnostics.
  const std::string loop3 =
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nbit[1] c;\nc[0] = measure q[0];\n"
      "if (c[0]) { x q[0]; }\n";
  const std::string cif = prog("qreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\nif (c==1) x q[0];\n");
  for (const auto& [code, e] : {std::pair<std::string, Export>{"E800", export_circuit(loop3, Format::Qasm2)},
                                {"W801", export_circuit(cif, Format::Qasm3)}}) {
    INFO("the export for " << code);
    CHECK(e.report.valid);
    for (const Diagnostic& d : e.report.diagnostics) {
      const DiagnosticCode* row = find_code(d.code);
      REQUIRE(row != nullptr);
      CHECK((row->origin & (origin::exporter | origin::qasm2 | origin::qasm3)) != 0);
      CHECK(std::string(name(d.severity)) == name(row->severity));
      seen.insert(d.code);
    }
    CHECK(seen.count(code) == 1);
  }
  // Every code the core can give is given here at least once, so a new code comes with an input.
  // Not reachable on purpose: the package's own code, and the two last-resort errors.
  for (const DiagnosticCode& row : diagnostic_codes()) {
    if (row.retired || row.origin == origin::package || row.code == "E409" || row.code == "E900") continue;
    INFO(row.code << " is not given by any input of this test: add one");
    CHECK(seen.count(std::string(row.code)) == 1);
  }
}
