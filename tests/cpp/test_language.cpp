// The language service over OpenQASM 2 (qvet.hpp: hover, completions, definition, references,
// rename, document_symbols): each answer on a program in the style of Qiskit's and QASMBench's
// files, at positions a user's cursor would be, and on broken code, which still answers.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace qvet;
using namespace qvet::test;

namespace {

// A full adder in the style of QASMBench's adder_n4: a program gate with a body, registers, a
// condition.
const std::string kAdder =
    "OPENQASM 2.0;\n"                             // 1
    "include \"qelib1.inc\";\n"                   // 2
    "gate majority a, b, c {\n"                   // 3
    "  cx c, b;\n"                                // 4
    "  cx c, a;\n"                                // 5
    "  ccx a, b, c;\n"                            // 6
    "}\n"                                         // 7
    "gate turn(theta) q { rz(theta) q; h q; }\n"  // 8
    "qreg cin[1];\n"                              // 9
    "qreg a[4];\n"                                // 10
    "creg ans[5];\n"                              // 11
    "x a[0];\n"                                   // 12
    "majority cin[0], a[0], a[1];\n"              // 13
    "turn(pi/2) a[2];\n"                          // 14
    "measure a[0] -> ans[0];\n"                   // 15
    "if (ans == 1) x cin[0];\n";                  // 16

std::vector<std::string> labels(const std::vector<CompletionItem>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const CompletionItem& c : items) out.push_back(c.label);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST_CASE("hover: registers, the program's gates, standard gates with their matrix, gate locals", "[language]") {
  const Hover reg = hover(kAdder, 13, 11);  // `cin` in `majority cin[0], ...`
  REQUIRE(reg.found);
  CHECK(reg.span.line == 13);
  CHECK(reg.span.column == 10);
  CHECK(reg.span.end_column == 13);
  CHECK(reg.markdown.find("qreg cin[1];") != std::string::npos);
  CHECK(reg.markdown.find("Quantum register of 1 qubit") != std::string::npos);
  const Hover a = hover(kAdder, 12, 3);  // `a` in `x a[0];`: the register, not majority's qubit a
  REQUIRE(a.found);
  CHECK(a.markdown.find("Quantum register of 4 qubits: `a[0]` to `a[3]`") != std::string::npos);
  const Hover creg = hover(kAdder, 16, 6);
  CHECK(creg.markdown.find("Classical register of 5 bits") != std::string::npos);
  // The program's gate: its definition and its shape.
  const Hover maj = hover(kAdder, 13, 2);
  REQUIRE(maj.found);
  CHECK(maj.markdown.find("gate majority a, b, c {\n  cx c, b;") != std::string::npos);
  CHECK(maj.markdown.find("The program's gate: 0 parameters, 3 qubits.") != std::string::npos);
  // A standard gate: its signature with Qiskit's parameter names, its Qiskit name, its matrix.
  const Hover x = hover(kAdder, 12, 1);
  REQUIRE(x.found);
  CHECK(x.markdown.find("gate x q0") != std::string::npos);
  CHECK(x.markdown.find("Qiskit's `x` (`QuantumCircuit.x`)") != std::string::npos);
  CHECK(x.markdown.find("[0  1]\n[1  0]") != std::string::npos);
  const Hover rz = hover(kAdder, 8, 22);
  CHECK(rz.markdown.find("gate rz(phi) q0") != std::string::npos);
  CHECK(rz.markdown.find("```\n[") == std::string::npos);  // a parameterised gate: no numbers
  CHECK(hover(kAdder, 6, 3).markdown.find("Standard gate: 0 parameters, 3 qubits; Qiskit's `ccx`") !=
        std::string::npos);
  // Inside the gate: its qubit and its parameter, not the registers of the same name.
  const Hover local = hover(kAdder, 4, 6);  // `c` in `cx c, b;`
  REQUIRE(local.found);
  CHECK(local.markdown == "Qubit argument `c` of gate `majority`.");
  CHECK(hover(kAdder, 8, 25).markdown == "Parameter `theta` of gate `turn`.");
  // Nothing: a number, a keyword, white space.
  CHECK_FALSE(hover(kAdder, 12, 5).found);
  CHECK_FALSE(hover(kAdder, 1, 3).found);
  CHECK_FALSE(hover(kAdder, 7, 2).found);
}

TEST_CASE("definition and references follow the scopes", "[language]") {
  const std::vector<Span> def = definition(kAdder, 13, 12);  // cin
  REQUIRE(def.size() == 1);
  CHECK(def[0].line == 9);
  CHECK(def[0].column == 6);
  CHECK(definition(kAdder, 12, 1).empty());                   // x: a standard gate, no source
  const std::vector<Span> local = definition(kAdder, 6, 13);  // c in `ccx a, b, c;`
  REQUIRE(local.size() == 1);
  CHECK(local[0].line == 3);
  CHECK(local[0].column == 21);
  // The register a: its declaration and its five uses, none of majority's qubit a.
  const std::vector<Span> refs = references(kAdder, 10, 6);
  REQUIRE(refs.size() == 6);
  CHECK(refs[0].line == 10);
  for (const Span& s : refs) CHECK(s.line >= 10);
  CHECK(references(kAdder, 10, 6, false).size() == 5);
  // majority's a: the argument and its two uses in the body.
  const std::vector<Span> arg = references(kAdder, 3, 15);
  REQUIRE(arg.size() == 3);
  for (const Span& s : arg) CHECK((s.line >= 3 && s.line <= 6));
  // The standard gate x: both calls.
  CHECK(references(kAdder, 12, 1).size() == 2);
}

TEST_CASE("rename: every use, and refused where it would change or break the program", "[language]") {
  const Rename r = rename(kAdder, 10, 6, "data");
  REQUIRE(r.ok);
  REQUIRE(r.edits.size() == 6);
  // Applied, the program is valid and its figures are the same.
  std::string renamed = kAdder;
  std::vector<TextEdit> edits = r.edits;
  std::sort(edits.begin(), edits.end(),
            [](const TextEdit& x, const TextEdit& y) { return x.span.offset > y.span.offset; });
  for (const TextEdit& e : edits) renamed.replace(e.span.offset, e.span.length, e.text);
  const Report before = validate(kAdder), after = validate(renamed);
  REQUIRE(after.valid);
  CHECK(after.metrics.depth == before.metrics.depth);
  CHECK(after.gates == before.gates);
  CHECK(renamed.find("majority cin[0], data[0], data[1];") != std::string::npos);
  CHECK(renamed.find("gate majority a, b, c") != std::string::npos);  // the gate's own a untouched
  // A gate-local rename stays in its gate.
  const Rename local = rename(kAdder, 3, 15, "x0");
  REQUIRE(local.ok);
  CHECK(local.edits.size() == 3);
  // Refusals, each saying why.
  CHECK(rename(kAdder, 12, 1, "flip").error.find("standard gate") != std::string::npos);
  CHECK(rename(kAdder, 10, 6, "cin").error.find("already the name of a qreg") != std::string::npos);
  CHECK(rename(kAdder, 10, 6, "Data").error.find("lower-case letter") != std::string::npos);
  CHECK(rename(kAdder, 10, 6, "2x").error.find("not an identifier") != std::string::npos);
  CHECK(rename(kAdder, 10, 6, "measure").error.find("keyword") != std::string::npos);
  CHECK(rename(kAdder, 3, 15, "b").error.find("already the name of a qubit") != std::string::npos);
  CHECK(rename(kAdder, 3, 7, "ccx").error.find("standard gate's name") != std::string::npos);
  CHECK_FALSE(rename(kAdder, 12, 5, "y").ok);
}

TEST_CASE("completion: what the position can name, with details", "[language]") {
  // At the start of a statement, after `m`: the program's gate, measure, and qelib1's mcx-like gates.
  const std::string typing = kAdder + "m";
  const std::vector<CompletionItem> items = completions(typing, 17, 2);
  const std::vector<std::string> l = labels(items);
  CHECK(has(l, "majority"));
  CHECK(has(l, "measure"));
  CHECK_FALSE(has(l, "x"));
  for (const CompletionItem& c : items)
    if (c.label == "majority") CHECK(c.detail == "a, b, c");
  // Empty prefix: registers with their sizes, qelib1's gates with their shapes, keywords.
  const std::vector<CompletionItem> all = completions(kAdder + "\n", 17, 1);
  bool reg = false, cu1 = false;
  for (const CompletionItem& c : all) {
    if (c.label == "a" && c.kind == "qreg") reg = c.detail == "4 qubits";
    if (c.label == "cu1") cu1 = c.kind == "gate" && c.detail == "(theta) q0, q1";  // QuantumCircuit.cp's name
  }
  CHECK(reg);
  CHECK(cu1);
  // Inside a gate body: its qubits first, and no register (a body cannot name one).
  const std::vector<std::string> body = labels(completions(kAdder, 5, 3));
  REQUIRE_FALSE(body.empty());
  CHECK(body[0] == "a");
  CHECK_FALSE(has(body, "cin"));
  // Without the include, only U and CX of the standard gates.
  const std::string bare = "OPENQASM 2.0;\nqreg q[1];\n";
  const std::vector<std::string> b = labels(completions(bare, 3, 1));
  CHECK(has(b, "U"));
  CHECK(has(b, "CX"));
  CHECK_FALSE(has(b, "h"));
}

TEST_CASE("document symbols: the outline, with each gate's parameters and qubits under it", "[language]") {
  const std::vector<DocumentSymbol> s = document_symbols(kAdder);
  REQUIRE(s.size() == 2 + 3 + 2 + 3);  // two gates, their 4 locals, 3 registers
  CHECK(s[0].name == "majority");
  CHECK(s[0].kind == "gate");
  CHECK(s[0].detail == "a, b, c");
  CHECK(s[0].span.line == 3);
  CHECK(s[0].span.end_line == 7);
  CHECK(s[1].name == "a");
  CHECK(s[1].parent == 0);
  CHECK(s[4].name == "turn");
  CHECK(s[4].detail == "(theta) q");
  CHECK(s[5].kind == "parameter");
  CHECK(s.back().name == "ans");
  CHECK(s.back().kind == "creg");
  CHECK(s.back().detail == "5 bits");
}

TEST_CASE("the service answers on broken code, and nothing for what it does not read", "[language]") {
  // A half-typed program: the register still hovers, the unfinished gate is still in the outline.
  const std::string broken = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\ngate g a {\n  h a\nh q[5\n";
  CHECK(hover(broken, 6, 3).markdown.find("Quantum register of 3 qubits") != std::string::npos);
  CHECK(document_symbols(broken).size() == 3);
  // Python: nothing yet; bytes that are not text; positions past the end.
  CHECK(document_symbols("from qiskit import QuantumCircuit\nqc = QuantumCircuit(1)\n").empty());
  CHECK_FALSE(hover(std::string("OPENQASM 2.0;\nqreg \xff[1];\n"), 2, 6).found);
  CHECK_FALSE(hover(kAdder, 1000, 1000).found);
  CHECK(completions(kAdder, 0, 0).size() > 10);
}

TEST_CASE("OpenQASM 3: qubit and bit registers, gates, subroutines, classical variables", "[language][qasm3]") {
  // In the style of the OpenQASM 3 examples (teleport, adder): typed declarations, a subroutine
  // with typed parameters, a loop variable, a measurement into a bit register.
  const std::string src =
      "OPENQASM 3.0;\n"                             // 1
      "include \"stdgates.inc\";\n"                 // 2
      "const int[32] n = 3;\n"                      // 3
      "input angle[20] theta;\n"                    // 4
      "qubit[4] q;\n"                               // 5
      "bit[4] c;\n"                                 // 6
      "gate flip(a) t { rx(a) t; }\n"               // 7
      "def parity(bit[4] b, qubit anc) -> bit {\n"  // 8
      "  bit r = b[0] ^ b[1];\n"                    // 9
      "  return r;\n"                               // 10
      "}\n"                                         // 11
      "for int i in [0:n - 1] {\n"                  // 12
      "  flip(theta) q[i];\n"                       // 13
      "}\n"                                         // 14
      "c = measure q;\n"                            // 15
      "bit p = parity(c, q[3]);\n";                 // 16
  const Hover q = hover(src, 13, 15);
  REQUIRE(q.found);
  CHECK(q.markdown.find("```qasm3\nqubit[4] q;\n```") == 0);
  CHECK(q.markdown.find("Quantum register of 4 qubits") != std::string::npos);
  CHECK(hover(src, 15, 1).markdown.find("Classical register of 4 bits") != std::string::npos);
  CHECK(hover(src, 12, 17).markdown.find("const int[32] n = 3;") != std::string::npos);  // n in the range
  CHECK(hover(src, 13, 8).markdown.find("input angle[20] theta;") != std::string::npos);
  CHECK(hover(src, 13, 3).markdown.find("gate flip(a) t { rx(a) t; }") != std::string::npos);
  CHECK(hover(src, 7, 18).markdown.find("Standard gate: 1 parameter, 1 qubit; Qiskit's `rx`") != std::string::npos);
  CHECK(hover(src, 9, 11).markdown == "Parameter `b` (bit[4]) of subroutine `parity`.");
  CHECK(hover(src, 16, 9).markdown.find("def parity(bit[4] b, qubit anc) -> bit {") != std::string::npos);
  // The loop variable and the subroutine's local r: declared where they are.
  REQUIRE(definition(src, 13, 17).size() == 1);
  CHECK(definition(src, 13, 17)[0].line == 12);
  REQUIRE(definition(src, 10, 10).size() == 1);
  CHECK(definition(src, 10, 10)[0].line == 9);
  // q: declared, used in the loop, measured, passed: four places.
  CHECK(references(src, 5, 10).size() == 4);
  // The outline: constants, registers, the gate and the subroutine with their parameters.
  std::vector<std::string> names;
  for (const DocumentSymbol& s : document_symbols(src)) names.push_back(s.kind + " " + s.name);
  const std::vector<std::string> want = {
      "variable n",        "variable theta", "qreg q",    "creg c", "gate flip",  "parameter a", "qubit t",
      "subroutine parity", "parameter b",    "qubit anc", "creg r", "variable i", "creg p"};
  CHECK(names == want);
  // Completion sees stdgates.inc's gates (CX among them, kept there for OpenQASM 2 programs), the
  // program's names, OpenQASM 3's keywords.
  const std::vector<std::string> all = labels(completions(src + "\n", 17, 1));
  CHECK(has(all, "flip"));
  CHECK(has(all, "parity"));
  CHECK(has(all, "cx"));
  CHECK(has(all, "while"));
  CHECK(has(all, "CX"));
  // Rename a register: every use, and the program still reads the same.
  const Rename r = rename(src, 5, 10, "data");
  REQUIRE(r.ok);
  CHECK(r.edits.size() == 4);
  CHECK(rename(src, 5, 10, "flip").error.find("already the name of a gate") != std::string::npos);
  CHECK(rename(src, 5, 10, "for").error.find("keyword") != std::string::npos);
  CHECK(rename(src, 5, 10, "cx").error.find("standard gate's name") != std::string::npos);  // stdgates.inc's
  CHECK(rename(src, 5, 10, "iswap").ok);     // a gate of the table that stdgates.inc does not define
  CHECK(rename(src, 5, 10, "\xCE\xB8").ok);  // θ: OpenQASM 3 names may be Unicode
  // Completion offers stdgates.inc's names, not every gate of the table.
  const std::vector<std::string> gates = labels(completions(src + "\n", 17, 1));
  CHECK(has(gates, "cphase"));
  CHECK_FALSE(has(gates, "iswap"));
}

TEST_CASE("the service over the corpus: every declaration is found again from each of its uses", "[language][corpus]") {
  const std::string root = std::string(QVET_SHARED_DIR) + "/corpus/";
  std::vector<std::string> files = files_in(root + "openqasm3-examples", ".qasm");
  for (const std::string& d : files_in(root + "qasmbench/small"))
    for (const std::string& f : files_in(d, ".qasm")) files.push_back(f);
  if (files.empty()) QVET_SKIP(root << " is absent (the corpus lives in ../shared beside the project)");
  size_t checked = 0;
  for (const std::string& path : files) {
    std::string src;
    REQUIRE(read_file(path, &src));
    if (src.size() > 200000) continue;  // the per-use loop below is quadratic
    INFO(path);
    for (const DocumentSymbol& s : document_symbols(src)) {
      // From the declaration: hover finds it, definition is itself, references start with it.
      const Hover h = hover(src, s.name_span.line, s.name_span.column);
      REQUIRE(h.found);
      CHECK(h.span.line == s.name_span.line);
      const std::vector<Span> def = definition(src, s.name_span.line, s.name_span.column);
      REQUIRE(def.size() == 1);
      CHECK(def[0].offset == s.name_span.offset);
      const std::vector<Span> refs = references(src, s.name_span.line, s.name_span.column);
      REQUIRE_FALSE(refs.empty());
      // Every use leads back to the declaration.
      for (size_t k = 0; k < refs.size() && k < 20; ++k) {
        const std::vector<Span> back = definition(src, refs[k].line, refs[k].column);
        REQUIRE(back.size() == 1);
        CHECK(back[0].offset == s.name_span.offset);
      }
      ++checked;
    }
    CHECK_FALSE(completions(src, 1, 1).empty());
  }
  CHECK(checked > 100);
}
