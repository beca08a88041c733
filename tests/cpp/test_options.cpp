// The option table (core/api/option_table.hpp) against everything that must agree with it: the
// structs it stores into, the package's JSON and the messages the bindings have always given for
// it, the CLI's flags and --help, and docs/options.md. (dist/index.d.ts and the page's calls are
// checked by tests/js/options.test.mjs.)
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#ifdef QVET_CLI
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "api/option_json.hpp"
#include "api/option_table.hpp"
#include "helpers.hpp"

namespace fs = std::filesystem;
using namespace qvet;
using json = nlohmann::json;

namespace {

// ---- the fields, read straight from the structs

// What each key must reach: a second list, written apart from the table, so a row that stores into
// the wrong field fails, and so does a key whose row is gone.
struct Field {
  const char* key;
  const char* field;
  json (*get)(const Options&, const SimOptions&);
};

const char* format_name(Format f) {
  switch (f) {
    case Format::Auto: return "auto";
    case Format::Qasm2: return "qasm2";
    case Format::Qasm3: return "qasm3";
    case Format::Python: return "python";
  }
  return "?";
}

const std::vector<Field>& fields() {
  using O = const Options&;
  using S = const SimOptions&;
  static const std::vector<Field> f = {
      {"format", "Options::format", [](O o, S) -> json { return format_name(o.format); }},
      {"strict", "Options::strict", [](O o, S) -> json { return o.strict; }},
      {"operations", "Options::include_operations", [](O o, S) -> json { return o.include_operations; }},
      {"maxOperations", "Options::max_operations", [](O o, S) -> json { return o.max_operations; }},
      {"backend", "Options::backend, Options::backend_json",
       [](O o, S) -> json {
         return {o.backend, o.backend_json};
       }},
      {"circuit", "Options::circuit", [](O o, S) -> json { return o.circuit; }},
      {"rules.disable", "Options::rules.disable", [](O o, S) -> json { return o.rules.disable; }},
      {"rules.enable", "Options::rules.enable", [](O o, S) -> json { return o.rules.enable; }},
      {"rules.error", "Options::rules.error", [](O o, S) -> json { return o.rules.error; }},
      {"rules.warning", "Options::rules.warning", [](O o, S) -> json { return o.rules.warning; }},
      {"limits.maxSourceBytes", "Limits::max_source_bytes", [](O o, S) -> json { return o.limits.max_source_bytes; }},
      {"limits.maxQubits", "Limits::max_qubits", [](O o, S) -> json { return o.limits.max_qubits; }},
      {"limits.maxClbits", "Limits::max_clbits", [](O o, S) -> json { return o.limits.max_clbits; }},
      {"limits.maxInstructions", "Limits::max_instructions", [](O o, S) -> json { return o.limits.max_instructions; }},
      {"limits.maxExpandedOps", "Limits::max_expanded_ops", [](O o, S) -> json { return o.limits.max_expanded_ops; }},
      {"limits.maxDiagnostics", "Limits::max_diagnostics", [](O o, S) -> json { return o.limits.max_diagnostics; }},
      {"shots", "SimOptions::shots", [](O, S s) -> json { return s.shots; }},
      {"precision", "SimOptions::precision",
       [](O, S s) -> json { return s.precision == Precision::Single ? "single" : "double"; }},
      {"threads", "SimOptions::threads", [](O, S s) -> json { return s.threads; }},
      {"seed", "SimOptions::seed", [](O, S s) -> json { return s.seed; }},
      {"statevector", "SimOptions::statevector", [](O, S s) -> json { return s.statevector; }},
      {"maxQubits", "SimOptions::max_qubits", [](O, S s) -> json { return s.max_qubits; }},
      {"parameters", "SimOptions::parameters", [](O, S s) -> json { return s.parameters; }},
      {"paulis", "SimOptions::paulis", [](O, S s) -> json { return s.paulis; }},
  };
  return f;
}

const Field* field_of(std::string_view key) {
  for (const Field& f : fields())
    if (key == f.key) return &f;
  return nullptr;
}

const OptionRow* row_of(std::string_view key) {
  for (const OptionRow& r : option_table())
    if (key == r.key) return &r;
  return nullptr;
}

// A value of the row's type that no default has: as the setter takes it, as the package's JSON
// spells it, and as the test's reader shows it once stored.
struct Sample {
  OptionValue value;
  json package;
  json stored;
};

Sample sample(const OptionRow& row) {
  Sample s;
  switch (row.type) {
    case OptionType::Boolean:
      s.value.flag = true;
      s.package = s.stored = true;
      break;
    case OptionType::Count:
      s.value.count = 7;
      s.package = s.stored = 7;
      break;
    case OptionType::OneOf:
      s.value.count = row.choices.size() - 1;  // the first is the default
      s.package = s.stored = row.choices.back();
      break;
    case OptionType::Identifier:
      s.value.text = "qc";
      s.package = s.stored = "qc";
      break;
    case OptionType::Backend:
      s.value.text = "line-3";
      s.package = "line-3";
      s.stored = {"line-3", ""};  // Options::backend, Options::backend_json
      break;
    case OptionType::NumberMap:
      s.value.numbers = {{"theta", 0.5}};
      s.package = {{"theta", 0.5}};
      s.stored = json::array({json::array({"theta", 0.5})});
      break;
    case OptionType::StringList: {
      // A rules list takes diagnostic codes; the Pauli list, Pauli strings.
      const char* item = std::string_view(row.key).rfind("rules.", 0) == 0 ? "W204" : "ZZI";
      s.value.strings = {item};
      s.package = s.stored = json::array({item});
      break;
    }
  }
  return s;
}

// {"shots": v}, or {"limits": {"maxQubits": v}} for a key in a group.
json package_options(const OptionRow& row, const json& v) {
  const std::string group(option_group(row)), leaf(option_leaf(row));
  json leaf_object = {{leaf, v}};
  return group.empty() ? leaf_object : json{{group, leaf_object}};
}

// Every field but `skip` still has its default.
void check_only_changed(const Options& o, const SimOptions& s, const Field* skip) {
  const Options d;
  const SimOptions ds;
  for (const Field& g : fields()) {
    if (&g == skip) continue;
    INFO("and left " << g.field << " (" << g.key << ") alone");
    CHECK(g.get(o, s) == g.get(d, ds));
  }
}

// ---- running the CLI

struct Run {
  int status = -1;
  std::string out;  // stdout and stderr
};

Run run_cli(const std::string& args) {
  Run r;
#ifdef QVET_CLI
  const std::string cmd = std::string("'") + QVET_CLI + "' " + args + " 2>&1 < /dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
#else
  (void)args;
#endif
  return r;
}

const fs::path kRoot = QVET_SOURCE_DIR;

// ---- docs/options.md

const char* kDocsBegin = "<!-- BEGIN generated from core/api/option_table.cpp by tests/cpp/test_options.cpp -->\n";
const char* kDocsEnd = "<!-- END generated -->\n";

std::string docs_type(const OptionRow& row) {
  switch (row.type) {
    case OptionType::Boolean: return "boolean";
    case OptionType::Count: return "count";
    case OptionType::Identifier: return "Python name";
    case OptionType::OneOf: {
      std::string out;
      for (const std::string& c : row.choices) out += (out.empty() ? "" : ", ") + ("`" + c + "`");
      return "one of " + out;
    }
    case OptionType::Backend: return "name or configuration";
    case OptionType::NumberMap: return "name → number";
    case OptionType::StringList: return "strings";
  }
  return "?";
}

std::string docs_table() {
  std::string out = kDocsBegin;
  out += "| option | CLI | type | calls | default | what it does | C++ field |\n";
  out += "|---|---|---|---|---|---|---|\n";
  for (const OptionRow& row : option_table()) {
    std::string calls = (row.calls & kValidateCall) ? "validate, simulate" : "simulate";
    if (row.calls & kEquivalentCall) calls += ", equivalent (CLI)";
    std::string cli = "package only";
    if (row.flag) cli = "`" + std::string(row.flag) + (row.metavar ? std::string(" ") + row.metavar : "") + "`";
    std::string d = option_default_text(row);  // what --help shows; the docs say when it is off
    if (d.empty()) d = row.type == OptionType::Boolean ? "false" : "none";
    out += "| `" + std::string(row.key) + "` | " + cli + " | " + docs_type(row) + " | " + calls + " | `" + d + "` | " +
           row.description + " | `" + row.field + "` |\n";
  }
  return out + kDocsEnd;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

}  // namespace

TEST_CASE("option table: every row stores the field it names, and nothing else", "[options]") {
  for (const OptionRow& row : option_table()) {
    INFO("option '" << row.key << "'");
    const Field* f = field_of(row.key);
    if (!f) {
      FAIL_CHECK("the option table has a row '" << row.key << "' that this test does not know: add it to fields()");
      continue;
    }
    CHECK(std::string(row.field) == f->field);
    Options o;
    SimOptions s;
    const Sample v = sample(row);
    CHECK(row.store(v.value, o, s).empty());
    CHECK(f->get(o, s) == v.stored);
    check_only_changed(o, s, f);
  }
  for (const Field& f : fields())
    if (!row_of(f.key)) FAIL_CHECK("the option table has no row for '" << f.key << "' (" << f.field << ")");
}

TEST_CASE("option table: a backend is a name or a configuration, never both", "[options]") {
  const OptionRow* row = row_of("backend");
  REQUIRE(row);
  Options o;
  SimOptions s;
  OptionValue config;
  config.text = R"({"backend_name": "pair", "n_qubits": 2, "basis_gates": ["cx", "rz", "sx", "x"]})";
  config.is_object = true;
  o.backend = "line-3";
  CHECK(row->store(config, o, s).empty());
  CHECK(o.backend.empty());
  CHECK(o.backend_json == config.text);
  OptionValue name;
  name.text = "ibm_nowhere";
  CHECK_THAT(row->store(name, o, s), Catch::StartsWith("unknown backend 'ibm_nowhere'"));
  CHECK(o.backend_json.empty());
}

TEST_CASE("option table: each default it shows is the structs' default", "[options]") {
  // Storing what read() calls the default, through the package's JSON, changes nothing.
  const Options d;
  const SimOptions ds;
  for (const OptionRow& row : option_table()) {
    INFO("option '" << row.key << "', default " << row.read(d, ds).dump());
    Options o;
    SimOptions s;
    CHECK(options_from_json(package_options(row, row.read(d, ds)).dump(), kSimulateCall, o, s).empty());
    check_only_changed(o, s, nullptr);
  }
}

TEST_CASE("option table: the package's JSON reaches every field, for the calls that take it", "[options]") {
  for (const OptionRow& row : option_table()) {
    const Field* f = field_of(row.key);
    if (!f) continue;  // reported by the first test
    const Sample v = sample(row);
    const std::string text = package_options(row, v.package).dump();
    for (OptionCalls call : {kValidateCall, kSimulateCall}) {
      INFO(text << (call == kValidateCall ? " to validate" : " to simulate"));
      Options o;
      SimOptions s;
      CHECK(options_from_json(text, call, o, s).empty());
      if (row.calls & call) {
        CHECK(f->get(o, s) == v.stored);
        check_only_changed(o, s, f);
      } else {
        check_only_changed(o, s, nullptr);  // a call ignores what it does not take
      }
    }
  }
}

TEST_CASE("option table: the package's JSON is refused with the messages the bindings always gave", "[options]") {
  struct Case {
    OptionCalls call;
    const char* options;
    const char* message;
  };
  const Case cases[] = {
      {kValidateCall, "[]", "options must be a JSON object"},
      {kValidateCall, "{", "options must be a JSON object"},
      {kValidateCall, R"({"format": "qasm4"})", R"(option 'format' must be "auto", "qasm2", "qasm3" or "python")"},
      {kValidateCall, R"({"format": 2})", R"(option 'format' must be "auto", "qasm2", "qasm3" or "python")"},
      {kValidateCall, R"({"backend": 7})", "option 'backend' must be a profile name or a backend object"},
      {kValidateCall, R"({"circuit": 1})", "option 'circuit' must be a string"},
      {kValidateCall, R"({"strict": "yes"})", "option 'strict' must be true or false"},
      {kValidateCall, R"({"operations": 1})", "option 'operations' must be true or false"},
      {kValidateCall, R"({"limits": 3})", "option 'limits' must be an object"},
      {kValidateCall, R"({"limits": {"maxQubits": -1}})", "option 'maxQubits' must be a non-negative integer"},
      {kValidateCall, R"({"limits": {"maxDiagnostics": 1.5}})",
       "option 'maxDiagnostics' must be a non-negative integer"},
      {kSimulateCall, R"({"shots": -1})", "option 'shots' must be a non-negative integer"},
      {kSimulateCall, R"({"seed": "1"})", "option 'seed' must be a non-negative integer"},
      {kSimulateCall, R"({"statevector": 1})", "option 'statevector' must be true or false"},
      {kSimulateCall, R"({"maxQubits": true})", "option 'maxQubits' must be a non-negative integer"},
      {kSimulateCall, R"({"parameters": [1]})", "option 'parameters' must be an object of numbers"},
      {kSimulateCall, R"({"parameters": {"t": "pi"}})", "option 'parameters' must be an object of numbers"},
      {kSimulateCall, R"({"paulis": "ZZ"})", "option 'paulis' must be an array of strings"},
      {kSimulateCall, R"({"paulis": ["Z", 1]})", "option 'paulis' must be an array of strings"},
      // Not the package's to refuse here: it never sends them (api.mjs throws a TypeError first).
      {kValidateCall, R"({"shots": -1, "whatever": 1, "limits": {"maxQbits": 3}})", ""},
  };
  for (const Case& c : cases) {
    INFO(c.options);
    Options o;
    SimOptions s;
    CHECK(options_from_json(c.options, c.call, o, s) == c.message);
  }
  Options o;
  SimOptions s;
  CHECK_THAT(options_from_json(R"({"backend": "ibm_nowhere"})", kValidateCall, o, s),
             Catch::StartsWith("option 'backend': unknown backend 'ibm_nowhere'"));
  CHECK_THAT(options_from_json(R"({"backend": {"n_qubits": 2}})", kValidateCall, o, s),
             Catch::StartsWith("option 'backend': backend file: "));
}

TEST_CASE("option table: the ceilings some setters keep", "[options]") {
  Options o;
  SimOptions s;
  REQUIRE(
      options_from_json(R"({"limits": {"maxDiagnostics": 1000000}, "maxQubits": 99})", kSimulateCall, o, s).empty());
  CHECK(o.limits.max_diagnostics == 100000);
#ifdef __EMSCRIPTEN__
  CHECK(s.max_qubits == kDefaultSimQubits);  // a browser tab holds no more
#else
  CHECK(s.max_qubits == 64);
#endif
}

TEST_CASE("option table: keys, flags and calls are consistent", "[options]") {
  std::set<std::string> keys, flags;
  std::string last_group;
  std::set<std::string> groups_seen;
  const std::regex camel("[a-z][A-Za-z]*(\\.[a-z][A-Za-z]*)?"), flag_form("--[a-z][a-z-]*");
  for (const OptionRow& row : option_table()) {
    INFO("option '" << row.key << "'");
    CHECK(keys.insert(row.key).second);
    CHECK(std::regex_match(row.key, camel));
    if (row.flag) {
      CHECK(flags.insert(row.flag).second);
      CHECK(std::regex_match(row.flag, flag_form));
      CHECK((row.metavar != nullptr) == (row.type != OptionType::Boolean));
    } else {
      CHECK(row.metavar == nullptr);
    }
    // SimulateOptions extends ValidateOptions: simulate() validates first, so it takes them all.
    CHECK((row.calls & kSimulateCall) != 0);
    if (row.calls & kEquivalentCall) CHECK((row.calls & kValidateCall) != 0);
    CHECK((row.type == OptionType::OneOf ? row.choices.size() >= 2 : row.choices.empty()));
    const std::string d = row.description;
    CHECK(!d.empty());
    CHECK(d.find('\n') == std::string::npos);
    CHECK(d.back() != '.');
    CHECK(std::string(row.field).find("::") != std::string::npos);
    // A group's keys sit together: the package lists the group once, where its first key is.
    const std::string group(option_group(row));
    if (group != last_group && !group.empty()) CHECK(groups_seen.insert(group).second);
    last_group = group;
  }
}

TEST_CASE("the CLI's --help lists every flag of the option table with its description", "[options]") {
#ifndef QVET_CLI
  QVET_SKIP("no CLI in this build");
#else
  const Run r = run_cli("--help");
  REQUIRE(r.status == 0);
  // Lines wrap under the description: join them back to compare whole descriptions.
  const std::string help = std::regex_replace(r.out, std::regex("\n {20}"), " ");
  for (const OptionRow& row : option_table()) {
    if (!row.flag) continue;
    const std::string head = std::string("\n  ") + row.flag + (row.metavar ? std::string(" ") + row.metavar : "") + " ";
    const size_t at = help.find(head);
    if (at == std::string::npos) {
      FAIL_CHECK("qvet --help does not list " << row.flag << " (option '" << row.key << "')");
      continue;
    }
    const size_t text = help.find_first_not_of(' ', at + head.size());
    INFO("option '" << row.key << "'");
    CHECK(help.compare(text, std::strlen(row.description), row.description) == 0);
  }
#endif
}

TEST_CASE("the CLI takes each flag of the option table in the commands that the table says", "[options]") {
#ifndef QVET_CLI
  QVET_SKIP("no CLI in this build");
#else
  // No measurement, so that equivalent can compare it with itself.
  const fs::path file = fs::temp_directory_path() / ("qvet_options_" + std::to_string(getpid()) + ".qasm");
  std::ofstream(file) << test::prog("qreg q[2];\nh q[0];\ncx q[0], q[1];\n");
  const std::string bell = "'" + file.string() + "'";
  struct Command {
    OptionCalls call;
    const char* name;
    std::string files;
  };
  const Command commands[] = {{kValidateCall, "validate", bell},
                              {kSimulateCall, "simulate", bell},
                              {kEquivalentCall, "equivalent", bell + " " + bell}};
  for (const OptionRow& row : option_table()) {
    if (!row.flag) continue;
    std::string value;  // a value the flag takes
    switch (row.type) {
      case OptionType::Boolean: break;
      case OptionType::Count: value = "7"; break;
      case OptionType::OneOf: value = row.choices.front(); break;
      case OptionType::Identifier: value = "qc"; break;
      case OptionType::Backend: value = "line-3"; break;
      case OptionType::NumberMap: value = "theta=0.5"; break;
      case OptionType::StringList: value = std::string_view(row.key).rfind("rules.", 0) == 0 ? "W204" : "ZZ"; break;
    }
    for (const Command& c : commands) {
      const std::string args =
          std::string(c.name) + " " + row.flag + (value.empty() ? "" : " " + value) + " " + c.files;
      INFO("qvet " << args);
      const Run r = run_cli(args);
      INFO(r.out);
      const bool unknown = r.out.find("unknown option '" + std::string(row.flag) + "'") != std::string::npos;
      if (row.calls & c.call) {
        CHECK(!unknown);
        CHECK(r.status != 2);
      } else {
        CHECK(unknown);
      }
    }
  }
  fs::remove(file);
#endif
}

TEST_CASE("docs/options.md lists every option as the table declares it", "[options]") {
#ifdef __EMSCRIPTEN__
  QVET_SKIP("the docs show the native defaults (maxQubits is lower in WebAssembly)");
#else
  const fs::path path = kRoot / "docs" / "options.md";
  if (!fs::is_regular_file(path)) QVET_SKIP("no docs/options.md in " << kRoot);
  const std::string text = slurp(path), expected = docs_table();
  const size_t begin = text.find(kDocsBegin), end = text.find(kDocsEnd);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  const std::string actual = text.substr(begin, end + std::strlen(kDocsEnd) - begin);
  if (actual != expected && std::getenv("QVET_WRITE_DOCS")) {
    std::ofstream(path, std::ios::binary)
        << text.substr(0, begin) << expected << text.substr(end + std::strlen(kDocsEnd));
    WARN("rewrote the option list in " << path);
    return;
  }
  // The first line that differs, by its option, then the whole table to paste.
  const std::vector<std::string> want = lines_of(expected), have = lines_of(actual);
  for (size_t i = 0; i < std::max(want.size(), have.size()); ++i) {
    const std::string w = i < want.size() ? want[i] : "(nothing)", h = i < have.size() ? have[i] : "(nothing)";
    if (w == h) continue;
    FAIL("docs/options.md differs from the option table (rerun with QVET_WRITE_DOCS=1 to rewrite it)\n  docs:  "
         << h << "\n  table: " << w);
  }
  CHECK(actual == expected);
#endif
}
