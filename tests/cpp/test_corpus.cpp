// Every QASMBench circuit in ../shared/corpus: the valid ones load with the qubit count the suite
// publishes; the few invalid ones are rejected at the line where the problem is. Skips, with a
// message, when the folder is absent (a user's clone does not have it).
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "helpers.hpp"

using namespace qvet;

namespace {
const std::string kRoot = std::string(QVET_SHARED_DIR) + "/corpus/qasmbench/";

bool read(const std::string& path, std::string* out) { return test::read_file(path, out); }

// Files of the corpus that are not valid OpenQASM 2, and the line of their first error.
const std::map<std::string, std::pair<std::string, uint32_t>> kInvalid = {
    // `cx qr[325],qr[325];`: one qubit twice in a gate
    {"large/QAOA_3SAT_N1000_p1/random_QAOA_angles_k3_N1000_p1.qasm", {"E303", 1400}},
    // `measure q[0] -> c[0];` where no register q was declared
    {"small/hhl_n10/hhl_n10.qasm", {"E201", 186801}},
    {"small/vqe_uccsd_n4/vqe_uccsd_n4.qasm", {"E201", 225}},
    {"small/vqe_uccsd_n6/vqe_uccsd_n6.qasm", {"E201", 2286}},
    {"small/vqe_uccsd_n8/vqe_uccsd_n8.qasm", {"E201", 10813}},
};
}  // namespace

TEST_CASE("QASMBench corpus: published qubit counts and rejected files", "[corpus]") {
  std::string index;
  if (!read(kRoot + "index.tsv", &index)) {
    QVET_SKIP(kRoot << " is absent (the corpus lives in ../shared beside the project)");
  }
  std::istringstream lines(index);
  std::string line;
  std::getline(lines, line);  // header
  size_t files = 0, checked_counts = 0, rejected = 0;
  while (std::getline(lines, line)) {
    std::istringstream cols(line);
    std::string path, qubits;
    std::getline(cols, path, '\t');
    std::getline(cols, qubits, '\t');
    std::string src;
    REQUIRE(read(kRoot + path, &src));
    ++files;
    Report r = validate(src);
    INFO(path);
    auto bad = kInvalid.find(path);
    if (bad != kInvalid.end()) {
      CHECK_FALSE(r.valid);
      REQUIRE_FALSE(r.diagnostics.empty());
      const Diagnostic* first = nullptr;
      for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) {
          first = &d;
          break;
        }
      REQUIRE(first);
      CHECK(first->code == bad->second.first);
      CHECK(first->span.line == bad->second.second);
      ++rejected;
      continue;
    }
    for (const Diagnostic& d : r.diagnostics)
      if (d.severity == Severity::Error) FAIL_CHECK(d.span.line << ":" << d.span.column << " " << d.message);
    CHECK(r.valid);
    if (qubits != "-") {
      CHECK(r.qubits == std::stoull(qubits));
      ++checked_counts;
    }
  }
  CHECK(files == 121);
  CHECK(rejected == kInvalid.size());
  CHECK(checked_counts > 100);
}

// The suite's README figures, where they are Qiskit's: its circuit depth is Qiskit's depth() of
// the file (as written, or with the program's own gates expanded), and its two-qubit gate count is
// the number of cx after translating into {cx, one-qubit gates} (ccx, cswap, ... written with cx).
// Its total gate count uses per-gate tables of its own (a ccx counts 33 gates, say) and is not
// compared. The files whose published figures do not fit are listed with what differs.
TEST_CASE("QASMBench corpus: published depth and two-qubit gate counts", "[corpus][figures]") {
  std::string index;
  if (!read(kRoot + "index.tsv", &index))
    QVET_SKIP(kRoot << " is absent (the corpus lives in ../shared beside the project)");
  // Published depth differs from Qiskit's both as written and expanded.
  const std::map<std::string, const char*> depth_differs = {
      {"medium/multiply_n13/multiply_n13.qasm", "7 published, Qiskit's 8"},
      {"medium/qf21_n15/qf21_n15.qasm", "52 published, Qiskit's 53"},
      {"medium/seca_n11/seca_n11.qasm", "37 published, Qiskit's 39"},
      {"small/basis_trotter_n4/basis_test_n4.qasm", "815 published; this file has 102 instructions, 57 deep"},
  };
  // Published two-qubit count differs from the cx count after translation.
  const std::map<std::string, const char*> dual_differs = {
      {"large/dnn_n51/dnn_n51.qasm", "346 published, 392 with Qiskit's cswap (8 cx) and ryy (2 cx)"},
      {"large/qugan_n111/qugan_n111.qasm", "658 published, 872 with Qiskit's cswap and ryy"},
      {"large/qugan_n39/qugan_n39.qasm", "226 published, 296 with Qiskit's cswap and ryy"},
      {"large/qugan_n395/qugan_n395.qasm", "2362 published, 3144 with Qiskit's cswap and ryy"},
      {"large/qugan_n71/qugan_n71.qasm", "418 published, 552 with Qiskit's cswap and ryy"},
      {"medium/multiply_n13/multiply_n13.qasm", "26 published, 40 with ccx as 6 cx"},
      {"small/basis_trotter_n4/basis_test_n4.qasm", "582 published; this file has 46 cx after translation"},
      {"small/qec_sm_n5/qec_sm_n5.qasm", "2 published; the body of its gate 'syndrome' has 4 cx"},
  };
  std::istringstream lines(index);
  std::string line;
  std::getline(lines, line);  // header
  size_t depth_checked = 0, dual_checked = 0;
  while (std::getline(lines, line)) {
    std::istringstream cols(line);
    std::vector<std::string> c;
    for (std::string f; std::getline(cols, f, '\t');) c.push_back(f);
    REQUIRE(c.size() == 6);
    if (c[4] == "-" || kInvalid.count(c[0])) continue;
    std::string src;
    REQUIRE(read(kRoot + c[0], &src));
    Options opt;
    opt.backend = "all-to-all-" + std::to_string(std::max<uint64_t>(2, std::stoull(c[1])));
    const Report r = validate(src, opt);
    INFO(c[0]);
    REQUIRE(r.valid);
    REQUIRE(r.has_backend);
    const uint64_t depth = std::stoull(c[4]), dual = std::stoull(c[3]);
    if (depth_differs.count(c[0])) {
      CHECK(depth != r.metrics.depth);  // a listed file that starts to fit should leave the list
      CHECK(depth != r.expanded.depth);
    } else {
      CHECK((depth == r.metrics.depth || depth == r.expanded.depth));
      ++depth_checked;
    }
    const uint64_t cx = test::count_of(r.backend.basis_counts, "cx");
    if (dual_differs.count(c[0])) {
      CHECK(dual != cx);
    } else {
      CHECK(dual == cx);
      ++dual_checked;
    }
  }
  CHECK(depth_checked == 105);
  CHECK(dual_checked == 101);
}

// The ten files a new user tried (../shared/python-as-written): each loads with Qiskit 1.0's
// figures for the circuit it builds, worked by hand (depth: a gate one layer above the latest of
// its wires, measure_all's barrier adding none; size without barriers).
TEST_CASE("the ten Qiskit files as written load with Qiskit's figures", "[corpus][python]") {
  struct Want {
    const char* file;
    uint64_t qubits, clbits, depth, size, nonlocal;
    const char* counts;
  };
  const Want wants[] = {
      {"01_aer.py", 3, 3, 4, 6, 2, "measure:3 cx:2 h:1"},
      {"02_def_qft.py", 4, 0, 11, 12, 8, "cp:6 h:4 swap:2"},
      {"03_library.py", 4, 4, 3, 6, 1, "measure:4 x:1 QFT:1 barrier:1"},
      {"04_compose.py", 4, 4, 3, 8, 2, "measure:4 h:2 cx:2"},
      {"05_if.py", 5, 5, 2, 10, 0, "measure:5 h:3 x:2 barrier:1"},
      {"06_grover.py", 2, 2, 7, 12, 2, "h:6 cz:2 z:2 measure:2 barrier:1"},
      {"07_runtime.py", 2, 2, 3, 4, 1, "measure:2 h:1 cx:1 barrier:1"},
      {"08_to_gate.py", 4, 4, 2, 6, 2, "measure:4 bell:2 barrier:1"},
      {"09_while.py", 3, 0, 1, 3, 0, "h:3"},
      {"10_initialize.py", 1, 1, 2, 2, 0, "initialize:1 barrier:1 measure:1"},
  };
  const std::string dir = std::string(QVET_SHARED_DIR) + "/python-as-written/";
  std::string probe;
  if (!read(dir + "01_aer.py", &probe)) QVET_SKIP(dir << " is absent (it lives in ../shared beside the project)");
  for (const Want& w : wants) {
    INFO(w.file);
    std::string src;
    REQUIRE(read(dir + w.file, &src));
    const Report r = test::run(src);
    INFO(test::errors_of(r));
    REQUIRE(r.valid);
    CHECK(r.qubits == w.qubits);
    CHECK(r.clbits == w.clbits);
    CHECK(r.metrics.depth == w.depth);
    CHECK(r.metrics.size == w.size);
    CHECK(r.metrics.nonlocal_gates == w.nonlocal);
    CHECK(test::counts_of(r) == w.counts);
  }
}

// The OpenQASM 3 examples of the language's repository (openqasm/openqasm, examples/): each loads,
// or is refused at the line of a genuine error in the example. Skips when the folder is absent.
TEST_CASE("OpenQASM 3 examples: every one loads or is refused for a genuine error", "[corpus][qasm3]") {
  const std::string dir = std::string(QVET_SHARED_DIR) + "/corpus/openqasm3-examples/";
  std::string probe;
  if (!read(dir + "teleport.qasm", &probe)) QVET_SKIP(dir << " is absent (the corpus lives in ../shared)");
  // The examples' own errors, with the first error's code and line.
  const std::map<std::string, std::pair<std::string, uint32_t>> invalid = {
      // `my_defined_uints[a - 1] = a + 1;` with a = 5: index 4 of an array of 4 (then
      // `first_dimension` is declared a second time at line 76)
      {"arrays.qasm", {"E204", 51}},
      // CX without `include "stdgates.inc";` (only U and gphase are built in), then q never declared
      {"cphase.qasm", {"E305", 4}},
      // `u $3;`: no gate u (stdgates.inc has U and u1/u2/u3)
      {"dd.qasm", {"E305", 25}},
      // `cz scratch[3], scratch[2];` on a qubit[3] parameter (then `success` is never declared)
      {"msd.qasm", {"E204", 48}},
      // a for loop inside a gate body, indexing its single-qubit argument
      {"vqe.qasm", {"E102", 25}},
  };
  // The valid ones' qubit counts, from their declarations.
  const std::map<std::string, uint32_t> qubits = {
      {"adder.qasm", 10},      {"alignment.qasm", 3},   {"defcal.qasm", 0},   {"gateteleport.qasm", 6},
      {"inverseqft1.qasm", 4}, {"inverseqft2.qasm", 4}, {"ipe.qasm", 2},      {"qec.qasm", 5},
      {"qft.qasm", 4},         {"qpt.qasm", 1},         {"rb.qasm", 2},       {"rus.qasm", 3},
      {"scqec.qasm", 0},       {"t1.qasm", 2},          {"teleport.qasm", 3}, {"varteleport.qasm", 0},
  };
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() != ".qasm") continue;
    std::string src;
    REQUIRE(read(e.path().string(), &src));
    ++files;
    const Report r = validate(src);
    INFO(name << "\n" << test::errors_of(r));
    CHECK(r.format == "qasm3");
    const auto bad = invalid.find(name);
    if (bad != invalid.end()) {
      CHECK_FALSE(r.valid);
      const Diagnostic* first = nullptr;
      for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error && !first) first = &d;
      REQUIRE(first);
      CHECK(first->code == bad->second.first);
      CHECK(first->span.line == bad->second.second);
      continue;
    }
    CHECK(r.valid);
    const auto q = qubits.find(name);
    REQUIRE(q != qubits.end());
    if (q->second) CHECK(r.qubits == q->second);
  }
  CHECK(files == 21);
}

// Every valid QASMBench circuit read as OpenQASM 3 (its version line changed; qreg, creg, the
// measure arrow, qelib1.inc's gates and c_if-style conditions are all OpenQASM 3 too) has the
// figures the OpenQASM 2 reader gives, except that an `if` is an if_else block (so only the
// expanded figures are compared for files with one).
TEST_CASE("QASMBench corpus read as OpenQASM 3 has the OpenQASM 2 reader's figures", "[corpus][qasm3]") {
  std::string index;
  if (!read(kRoot + "index.tsv", &index)) QVET_SKIP(kRoot << " is absent (the corpus lives in ../shared)");
  std::istringstream lines(index);
  std::string line;
  std::getline(lines, line);
  size_t compared = 0;
  Options three;
  three.format = Format::Qasm3;
  while (std::getline(lines, line)) {
    const std::string path = line.substr(0, line.find('\t'));
    if (kInvalid.count(path)) continue;
    std::string src;
    REQUIRE(read(kRoot + path, &src));
    if (src.size() > (2u << 20)) continue;  // the largest few: the same code paths, minutes under sanitizers
    const Report a = validate(src);
    const size_t v = src.find("OPENQASM 2.0;");
    std::string s3 = src;
    if (v != std::string::npos) s3.replace(v, 13, "OPENQASM 3.0;");
    const Report b = validate(s3, three);
    INFO(path << "\n" << test::errors_of(b));
    REQUIRE(b.valid);
    CHECK(a.qubits == b.qubits);
    CHECK(a.clbits == b.clbits);
    CHECK(a.expanded.size == b.expanded.size);
    CHECK(a.expanded.depth == b.expanded.depth);
    if (src.find("if") == std::string::npos || src.find("if(") == std::string::npos) {
      CHECK(a.metrics.depth == b.metrics.depth);
      CHECK(a.metrics.size == b.metrics.size);
      CHECK(a.gates == b.gates);
    }
    ++compared;
  }
  CHECK(compared > 100);
}
