// The report's bytes for the CLI's cache (core/report/report_codec.hpp): every report comes back
// exactly (its JSON, operations and backend and simulation sections included, byte for byte), over
// the project's examples and Python files and the shared corpus; and bytes that are not a whole
// report (cut short, changed, of another version) are refused without a crash or an allocation
// their lengths ask for.
#include <catch2/catch.hpp>
#include <random>

#include "helpers.hpp"
#include "report/report_codec.hpp"

using namespace qvet;
using namespace qvet::test;

namespace {

// The JSON of what comes back equals the JSON of what went in.
void round_trip(const Report& r, const std::string& what) {
  INFO(what);
  const std::string bytes = encode_report(r);
  Report back;
  REQUIRE(decode_report(bytes, &back));
  CHECK(to_json(back, -1) == to_json(r, -1));
  CHECK(encode_report(back) == bytes);
}

std::vector<std::string> inputs() {
  std::vector<std::string> files = files_in(std::string(QVET_SOURCE_DIR) + "/examples");
  for (const std::string& f : files_in(QVET_PYTHON_FILES_DIR)) files.push_back(f);
  return files;
}

}  // namespace

TEST_CASE("a report survives its bytes: examples and Python files, every section", "[codec]") {
  size_t n = 0;
  for (const std::string& path : inputs()) {
    std::string src;
    REQUIRE(read_file(path, &src));
    Options opt;
    round_trip(validate(src, opt), path);
    opt.include_operations = true;
    opt.backend = "ibm_brisbane";
    const Report full = validate(src, opt);
    round_trip(full, path + " with operations and a backend");
    ++n;
  }
  CHECK(n > 50);
  // A simulation section, counts and amplitudes; a report that failed, its diagnostics and spans.
  SimOptions sim;
  sim.statevector = true;
  sim.paulis = {"ZZ"};
  round_trip(simulate(prog("qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n"), {}, sim), "simulate");
  const Report bad = validate(prog("qreg q[2];\nx q[5];\nfoo q[0];\n"));
  REQUIRE_FALSE(bad.valid);
  round_trip(bad, "errors");
  // Python: parameters, the circuit's name, param_text, a notebook's cells.
  round_trip(validate("from qiskit import QuantumCircuit\nfrom qiskit.circuit import Parameter\nt = "
                      "Parameter('t')\nqc = QuantumCircuit(1)\nqc.rx(t, 0)\n",
                      [] {
                        Options o;
                        o.include_operations = true;
                        return o;
                      }()),
             "python parameters");
}

TEST_CASE("a report survives its bytes: the shared corpus", "[codec][corpus]") {
  const std::string root = std::string(QVET_SHARED_DIR) + "/corpus/qasmbench/small";
  std::vector<std::string> dirs = files_in(root);
  if (dirs.empty()) QVET_SKIP(root << " is absent (the corpus lives in ../shared beside the project)");
  size_t n = 0;
  for (const std::string& d : dirs)
    for (const std::string& path : files_in(d, ".qasm")) {
      std::string src;
      REQUIRE(read_file(path, &src));
      Options opt;
      opt.include_operations = true;
      round_trip(validate(src, opt), path);
      ++n;
    }
  CHECK(n > 30);
  // OpenQASM 3, valid and not.
  size_t n3 = 0;
  for (const std::string& path : files_in(std::string(QVET_SHARED_DIR) + "/corpus/openqasm3-examples", ".qasm")) {
    std::string src;
    REQUIRE(read_file(path, &src));
    round_trip(validate(src), path);
    ++n3;
  }
  CHECK(n3 > 10);
}

TEST_CASE("bytes that are not a whole report are refused", "[codec]") {
  Options opt;
  opt.include_operations = true;
  const Report r = validate(prog("qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\nx q[7];\n"), opt);
  const std::string bytes = encode_report(r);
  Report out;
  REQUIRE(decode_report(bytes, &out));
  // Every prefix is refused (a torn cache entry), as is anything after the end.
  for (size_t k = 0; k < bytes.size(); ++k) CHECK_FALSE(decode_report(std::string_view(bytes).substr(0, k), &out));
  CHECK_FALSE(decode_report(bytes + "x", &out));
  // Another version of the layout: the magic's last byte.
  std::string other = bytes;
  other[11] = static_cast<char>(other[11] + 1);
  CHECK_FALSE(decode_report(other, &out));
  // A length of 2^62 is refused before anything is allocated for it.
  std::string huge = bytes;
  const size_t at = 12 + 1;  // the format string's length, after the magic and `valid`
  for (size_t i = 0; i < 8; ++i) huge[at + i] = i == 7 ? '\x40' : '\0';
  CHECK_FALSE(decode_report(huge, &out));
  // A bool that is neither 0 nor 1.
  std::string flag = bytes;
  flag[12] = '\x02';
  CHECK_FALSE(decode_report(flag, &out));
  // Random changes never crash (a change in a number's bytes may still decode: then it is whole).
  std::mt19937 rng(7);
  for (int t = 0; t < 2000; ++t) {
    std::string b = bytes;
    for (int k = 0; k < 3; ++k) b[rng() % b.size()] = static_cast<char>(rng());
    Report any;
    if (decode_report(b, &any)) CHECK(encode_report(any) == b);
  }
}
