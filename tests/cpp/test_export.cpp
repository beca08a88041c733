// qvet export: a circuit read by any front end, written as OpenQASM 2 or 3, reads back with the
// same figures; where the target language says a thing differently, the change is the one
// Qiskit's own round trip makes (a conditioned gate becomes an if block, counted if_else; stdgates'
// id reads as u) or a name the language does not take (Export::renamed). Over the QASMBench corpus,
// the OpenQASM 3 examples, every gate of the table and the Python test files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "circuit/gates.hpp"
#include "helpers.hpp"

using namespace qvet;

namespace {

using test::files_in;
using test::read_file;

using Counts = std::map<std::string, uint64_t>;

Counts counts(const std::vector<GateCount>& v) {
  Counts m;
  for (const GateCount& g : v) m[g.name] += g.count;
  return m;
}

// The counts a round trip through `to` gives, from the original's operations: in OpenQASM 3 a
// conditioned gate is an if_else and id is u (Qiskit's importer reads stdgates.inc's id as U).
Counts expected_counts(const Report& original, const Counts& in, Format to, bool expanded) {
  Counts out = in;
  if (to != Format::Qasm3) return out;
  if (!expanded) {
    for (const OperationInfo& op : original.operations) {
      if (!op.has_condition || op.name == "if_else" || op.name == "while_loop") continue;
      if (--out[op.name] == 0) out.erase(op.name);
      ++out["if_else"];
    }
  }
  if (out.count("id")) {
    out["u"] += out["id"];
    out.erase("id");
  }
  return out;
}

// Counts with the export's renames folded back onto the original names.
Counts unrenamed(Counts c, const Export& e) {
  for (const auto& [from, to] : e.renamed) {
    const auto it = c.find(to);
    if (it == c.end()) continue;
    const uint64_t n = it->second;
    c.erase(it);
    c[from] += n;
  }
  return c;
}

bool warns(const Export& e, const std::string& text) {
  for (const Diagnostic& d : e.report.diagnostics)
    if (d.code == "W801" && d.message.find(text) != std::string::npos) return true;
  return false;
}

// Exports `src` to `to`, reads the export back and checks every figure; returns the export.
Export round_trip(const std::string& src, Format to, const std::string& what, Options opt = {}) {
  opt.include_operations = true;
  const Report a = validate(src, opt);
  INFO(what << "\n" << test::errors_of(a));
  REQUIRE(a.valid);
  Export e = export_circuit(src, to, opt);
  INFO(what << ": the export\n" << test::errors_of(e.report) << e.code.substr(0, 3000));
  REQUIRE(e.ok);
  REQUIRE(e.format == (to == Format::Qasm3 ? "qasm3" : "qasm2"));
  Options back;
  back.format = to;
  back.include_operations = true;
  const Report b = validate(e.code, back);
  INFO("read back:\n" << test::errors_of(b));
  REQUIRE(b.valid);
  CHECK(b.qubits == a.qubits);
  CHECK(b.clbits == a.clbits);
  CHECK(b.gates == a.gates);
  CHECK(b.metrics.size == a.metrics.size);
  CHECK(b.metrics.depth == a.metrics.depth);
  CHECK(b.metrics.nonlocal_gates == a.metrics.nonlocal_gates);
  CHECK(b.metrics.two_qubit_gates == a.metrics.two_qubit_gates);
  CHECK(unrenamed(counts(b.metrics.gate_types), e) == expected_counts(a, counts(a.metrics.gate_types), to, false));
  CHECK(b.parameters.size() == a.parameters.size());
  if (!warns(e, "under another name")) {
    CHECK(b.expanded.size == a.expanded.size);
    CHECK(b.expanded.depth == a.expanded.depth);
    CHECK(unrenamed(counts(b.expanded.gate_types), e) == expected_counts(a, counts(a.expanded.gate_types), to, true));
  }
  // Written again, the export is itself: nothing drifts from one round to the next (but for id,
  // which the export's reading turned into U(0, 0, 0)).
  const Export again = export_circuit(e.code, to, back);
  REQUIRE(again.ok);
  if (!warns(e, "`id`")) CHECK(again.code == e.code);
  return e;
}

Options python() {
  Options o;
  o.format = Format::Python;
  return o;
}

}  // namespace

TEST_CASE("export: a Bell circuit in Qiskit Python becomes OpenQASM 2 and 3, line for line", "[export]") {
  const std::string py =
      "from qiskit import QuantumCircuit\nqc = QuantumCircuit(2, 2)\nqc.h(0)\nqc.cx(0, 1)\nqc.measure([0, 1], [0, "
      "1])\n";
  const Export two = export_circuit(py, Format::Qasm2);
  REQUIRE(two.ok);
  CHECK(two.code ==
        "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\n"
        "measure q[0] -> c[0];\nmeasure q[1] -> c[1];\n");
  const Export three = export_circuit(py, Format::Qasm3);
  REQUIRE(three.ok);
  CHECK(three.code ==
        "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\n"
        "c[0] = measure q[0];\nc[1] = measure q[1];\n");
  CHECK(three.report.format == "python");
  CHECK(three.renamed.empty());
  round_trip(py, Format::Qasm2, "bell");
  round_trip(py, Format::Qasm3, "bell");
}

TEST_CASE("export: numbers read back to the same doubles, multiples of pi as pi/d", "[export]") {
  const std::string src = test::prog(
      "qreg q[1];\nrz(1) q[0];\nrz(0.1) q[0];\nrz(1e-7) q[0];\nrz(pi/3) q[0];\nrz(-2*pi/3) q[0];\nrz(123456.789) "
      "q[0];\n"
      "u3(0.1+0.2, -pi/16, 2.5e10) q[0];\n");
  for (Format to : {Format::Qasm2, Format::Qasm3}) {
    const Export e = export_circuit(src, to);
    REQUIRE(e.ok);
    CHECK(e.code.find("pi/3") != std::string::npos);
    CHECK(e.code.find("-2*pi/3") != std::string::npos);
    CHECK(e.code.find("-pi/16") != std::string::npos);
    Options opt, back;
    opt.include_operations = back.include_operations = true;
    back.format = to;
    const Report a = validate(src, opt), b = validate(e.code, back);
    REQUIRE(b.valid);
    REQUIRE(a.operations.size() == b.operations.size());
    for (size_t i = 0; i < a.operations.size(); ++i) CHECK(a.operations[i].params == b.operations[i].params);
  }
}

TEST_CASE("export: every gate of the table reads back as itself, in both languages", "[export]") {
  for (const GateRow& row : gate_rows()) {
    if (row.in(kPrimitive)) continue;  // U and CX: the same rows as u and cx
    const uint32_t width = row.num_qubits ? row.num_qubits : 6;
    std::string params;
    for (uint32_t k = 0; k < row.num_params; ++k) params += (k ? ", " : "") + std::to_string(0.25 + 0.5 * k);
    std::string src;
    Options opt;
    if (row.in(kQasm2)) {
      src = test::prog("qreg q[" + std::to_string(width) + "];\n" + std::string(row.name) +
                       (params.empty() ? "" : "(" + params + ")") + " q[0]");
      for (uint32_t k = 1; k < width; ++k) src += ", q[" + std::to_string(k) + "]";
      src += ";\n";
    } else if (row.python.method) {
      src = "from qiskit import QuantumCircuit\nqc = QuantumCircuit(" + std::to_string(width) + ")\nqc." +
            row.python.method + "(" + params + (params.empty() ? "" : ", ");
      for (uint32_t k = 0; k < width; ++k) src += (k ? ", " : "") + std::to_string(k);
      src += ")\n";
    } else {  // mcx with five controls
      src = "from qiskit import QuantumCircuit\nqc = QuantumCircuit(6)\nqc.mcx([0, 1, 2, 3, 4], 5)\n";
    }
    for (Format to : {Format::Qasm2, Format::Qasm3}) {
      const Export e =
          round_trip(src, to, std::string(row.name) + (to == Format::Qasm3 ? " in OpenQASM 3" : " in 2"), opt);
      // A gate the target has is called, not defined again.
      const bool native = to == Format::Qasm2 ? row.in(kQasm2) : false;
      if (native) CHECK(e.code.find("gate ") == std::string::npos);
    }
  }
}

TEST_CASE("export: OpenQASM 3 control flow round-trips, and OpenQASM 2 refuses it at the block", "[export]") {
  const std::string src =
      "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float theta;\nqubit[3] q;\nbit[3] c;\n"
      "h q[0];\nc[0] = measure q[0];\n"
      "if (c[0]) {\n  x q[1];\n} else {\n  rz(theta) q[1];\n}\n"
      "for int i in [0:2] {\n  cx q[i], q[(i + 1) % 3];\n}\n"
      "while (c[1] == false) {\n  h q[1];\n  c[1] = measure q[1];\n}\n"
      "box {\n  y q[2];\n}\n"
      "if (c == 5) x q[2];\n";
  const Export e = round_trip(src, Format::Qasm3, "control flow");
  CHECK(e.code.find("input float[64] theta;") != std::string::npos);
  CHECK(e.code.find("} else {") != std::string::npos);
  CHECK(e.code.find("while (") != std::string::npos);
  CHECK(e.code.find("box {") != std::string::npos);
  const Export two = export_circuit(src, Format::Qasm2);
  CHECK_FALSE(two.ok);
  CHECK(two.code.empty());
  CHECK(two.report.valid);  // the source is fine; the target cannot say it
  const Diagnostic* d = test::find(two.report, "E800");
  REQUIRE(d != nullptr);
  CHECK(d->message.find("Parameter") != std::string::npos);
  bool at_if = false;
  for (const Diagnostic& x : two.report.diagnostics)
    if (x.code == "E800" && x.span.line == 8 && x.message.find("control flow (if_else)") != std::string::npos)
      at_if = true;
  CHECK(at_if);
}

TEST_CASE("export: what a target cannot say is E800 at its line, and an invalid source exports nothing", "[export]") {
  const Export opaque = export_circuit(test::prog("opaque magic(a) q;\nqreg r[1];\nmagic(0.5) r[0];\n"), Format::Qasm3);
  CHECK_FALSE(opaque.ok);
  const Diagnostic* d = test::find(opaque.report, "E800");
  REQUIRE(d != nullptr);
  CHECK(d->span.line == 5);
  CHECK(d->message.find("opaque") != std::string::npos);
  // ...which OpenQASM 2 says as it was.
  const Export kept =
      round_trip(test::prog("opaque magic(a) q;\nqreg r[1];\nmagic(0.5) r[0];\n"), Format::Qasm2, "opaque");
  CHECK(kept.code.find("opaque magic(p0) q0;") != std::string::npos);

  const Export bad = export_circuit(test::prog("qreg q[1];\nh q[2];\n"), Format::Qasm3);
  CHECK_FALSE(bad.ok);
  CHECK(bad.code.empty());
  CHECK(test::find(bad.report, "E204") != nullptr);
  CHECK(to_json(bad).find("\"code\":null") != std::string::npos);
}

TEST_CASE("export: names OpenQASM does not take are renamed, and the export says to what", "[export]") {
  const std::string py =
      "from qiskit import QuantumCircuit\nsub = QuantumCircuit(2, name='U$_s$')\nsub.h(0)\nsub.cx(0, 1)\n"
      "qc = QuantumCircuit(2)\nqc.append(sub.to_gate(), [0, 1])\nqc.append(sub.to_gate(), [1, 0])\n";
  const Export e = round_trip(py, Format::Qasm2, "renamed");
  REQUIRE(e.renamed.size() == 1);  // one definition for the two equal gates
  CHECK(e.renamed[0].first == "U$_s$");
  CHECK(e.renamed[0].second == "gate_U__s_");  // as Qiskit's qasm2 exporter escapes it
  CHECK(test::count_code(e.report, "W801") >= 1);
  const Export three = round_trip(py, Format::Qasm3, "renamed");
  REQUIRE(three.renamed.size() == 1);
  CHECK(three.renamed[0].second == "U__s_");
}

TEST_CASE("export: QASMBench round-trips through OpenQASM 2 and 3", "[export][corpus]") {
  const std::string root = std::string(QVET_SHARED_DIR) + "/corpus/qasmbench/";
  std::string index;
  if (!read_file(root + "index.tsv", &index)) QVET_SKIP(root << " is absent (the corpus lives in ../shared)");
  std::istringstream lines(index);
  std::string line;
  std::getline(lines, line);
  size_t compared = 0;
  while (std::getline(lines, line)) {
    const std::string path = line.substr(0, line.find('\t'));
    std::string src;
    REQUIRE(read_file(root + path, &src));
    if (src.size() > (1u << 20)) continue;  // the largest few: the same code paths, minutes under sanitizers
    if (!validate(src).valid) continue;     // the five invalid files (test_corpus.cpp names them)
    round_trip(src, Format::Qasm2, path);
    round_trip(src, Format::Qasm3, path);
    ++compared;
  }
  CHECK(compared > 100);
}

TEST_CASE("export: the OpenQASM 3 examples round-trip, and to OpenQASM 2 or E800 for what it lacks",
          "[export][corpus]") {
  const std::string dir = std::string(QVET_SHARED_DIR) + "/corpus/openqasm3-examples";
  const std::vector<std::string> files = files_in(dir, ".qasm");
  if (files.empty()) QVET_SKIP(dir << " is absent (the corpus lives in ../shared)");
  size_t loaded = 0;
  for (const std::string& f : files) {
    std::string src;
    REQUIRE(read_file(f, &src));
    if (!validate(src).valid) continue;  // the five with genuine errors (test_corpus.cpp)
    round_trip(src, Format::Qasm3, f);
    const Export two = export_circuit(src, Format::Qasm2);
    INFO(f << "\n" << test::errors_of(two.report));
    if (two.ok) {
      round_trip(src, Format::Qasm2, f);
    } else {
      for (const Diagnostic& d : two.report.diagnostics) CHECK((d.severity != Severity::Error || d.code == "E800"));
    }
    ++loaded;
  }
  CHECK(loaded == 16);
}

TEST_CASE("export: the Python test files become OpenQASM with Qiskit's figures", "[export][python]") {
  const std::vector<std::string> files = files_in(QVET_PYTHON_FILES_DIR, ".py");
  REQUIRE(files.size() > 50);
  size_t three_refused = 0, valid = 0;
  for (const std::string& f : files) {
    std::string src;
    REQUIRE(read_file(f, &src));
    const Report r = validate(src, python());
    if (!r.valid) continue;
    ++valid;
    for (Format to : {Format::Qasm2, Format::Qasm3}) {
      const Export e = export_circuit(src, to, python());
      INFO(f << (to == Format::Qasm3 ? " to OpenQASM 3\n" : " to OpenQASM 2\n") << test::errors_of(e.report));
      if (!e.ok) {
        // Only what the target lacks: OpenQASM 2 has no control flow and no free Parameters;
        // neither says a matrix (UnitaryGate, initialize, StatePreparation) that is not a
        // controlled standard gate.
        for (const Diagnostic& d : e.report.diagnostics) {
          if (d.severity != Severity::Error) continue;
          CHECK(d.code == "E800");
          if (to == Format::Qasm3) CHECK(d.message.find("matrix or state") != std::string::npos);
        }
        if (to == Format::Qasm3) ++three_refused;
        continue;
      }
      round_trip(src, to, f, python());
    }
  }
  CHECK(valid > 80);
  CHECK(three_refused <= 3);  // initialize, StatePreparation and UnitaryGate: matrices
}

TEST_CASE("export: a Braket-style program becomes OpenQASM with Qiskit's gate names", "[export][braket]") {
  const std::string braket =
      "OPENQASM 3.0;\nbit[2] b;\nqubit[2] q;\nh q[0];\ncnot q[0], q[1];\nphaseshift(0.25) q[1];\nsi q[0];\n"
      "b[0] = measure q[0];\nb[1] = measure q[1];\n";
  const Export e = round_trip(braket, Format::Qasm3, "braket");
  CHECK(e.code.find("include \"stdgates.inc\";") != std::string::npos);
  CHECK(e.code.find("cx q[0], q[1];") != std::string::npos);
  CHECK(e.code.find("p(0.25) q[1];") != std::string::npos);
  CHECK(e.code.find("sdg q[0];") != std::string::npos);
  round_trip(braket, Format::Qasm2, "braket");
}
