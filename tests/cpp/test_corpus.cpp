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

bool read(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

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
