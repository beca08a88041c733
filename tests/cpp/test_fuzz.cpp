// The fuzz targets' bodies (tests/fuzz/harness.cpp) in the ordinary suite: every seed of every
// target's corpus, and every input a fuzzer ever failed on (tests/fuzz/regressions/TARGET/, kept
// forever once fixed), must keep the invariants. scripts/fuzz.sh runs the same bodies under
// libFuzzer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "harness.hpp"
#include "helpers.hpp"
#include "qvet.hpp"

namespace {

const std::string kDir = QVET_FUZZ_DIR;
const std::string kExamples = kDir + "/../../examples";

std::vector<std::string> files(const std::string& dir) { return qvet::test::files_in(dir); }

std::string bytes(const std::string& path) {
  std::string out;
  qvet::test::read_file(path, &out);
  return out;
}

}  // namespace

TEST_CASE("fuzz: every target has seeds and a dictionary", "[fuzz]") {
  REQUIRE(qvet::fuzz::targets().size() == 10);
  for (const qvet::fuzz::Target& t : qvet::fuzz::targets()) {
    INFO(t.name);
    // Its own seeds, and examples/ (every target starts from the examples too).
    CHECK(files(kDir + "/corpus/" + t.name).size() + files(kExamples).size() >= 3);
    std::ifstream dict(kDir + "/dict/" + t.name + ".dict");
    CHECK(dict.good());
  }
}

TEST_CASE("fuzz: the seeds and every input a fuzzer failed on keep the invariants", "[fuzz]") {
  size_t inputs = 0;
  for (const qvet::fuzz::Target& t : qvet::fuzz::targets()) {
    for (const std::string& f : files(kExamples)) {
      const std::string in = bytes(f);
      INFO(t.name << ": " << f);
      CHECK(t.run(reinterpret_cast<const uint8_t*>(in.data()), in.size()) == "");
      ++inputs;
    }
    for (const char* kind : {"corpus", "regressions"}) {
      for (const std::string& f : files(kDir + "/" + kind + "/" + t.name)) {
        const std::string in = bytes(f);
        INFO(t.name << ": " << f);
        CHECK(t.run(reinterpret_cast<const uint8_t*>(in.data()), in.size()) == "");
        ++inputs;
      }
    }
  }
  CHECK(inputs >= 24);
}

TEST_CASE("fuzz: every target takes the empty input and bytes that are not text", "[fuzz]") {
  for (const qvet::fuzz::Target& t : qvet::fuzz::targets()) {
    INFO(t.name);
    const uint8_t junk[] = {0xff, 0xfe, 0x00, 0x80, '{', '[', '"'};
    CHECK(t.run(junk, sizeof junk) == "");
    CHECK(t.run(nullptr, 0) == "");
  }
  CHECK(qvet::fuzz::find_target("qasm2") != nullptr);
  CHECK(qvet::fuzz::find_target("nope") == nullptr);
}

TEST_CASE("fuzz: the report invariants fail on the reports they are there to catch", "[fuzz]") {
  using qvet::fuzz::check_report;
  const std::string src = "OPENQASM 2.0;\nqreg q[1];\n";
  qvet::Report good = qvet::validate(src);
  REQUIRE(good.valid);
  CHECK(check_report(good, src) == "");
  qvet::Report r = good;
  r.diagnostics.push_back({qvet::Severity::Error, "E204", "index out of range", {}});
  CHECK(check_report(r, src).find("valid, with an error") != std::string::npos);
  r = good;
  r.valid = false;
  CHECK(check_report(r, src).find("no error listed") != std::string::npos);
  r.diagnostics.push_back({qvet::Severity::Error, "E204", "index out of range", {}});
  r.qubits = 1;
  CHECK(check_report(r, src).find("claims figures") != std::string::npos);
  r.qubits = 0;
  r.diagnostics.back().span.offset = static_cast<uint32_t>(src.size());
  r.diagnostics.back().span.length = 2;
  CHECK(check_report(r, src).find("outside the source") != std::string::npos);
  r.diagnostics.back().span = {};
  r.diagnostics.back().span.line = 0;
  CHECK(check_report(r, src).find("not a range") != std::string::npos);
}
