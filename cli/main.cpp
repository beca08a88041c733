// qvet: the command-line front of the core. All I/O lives here; the core only sees strings.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "batch.hpp"
#include "config.hpp"
#include "fix.hpp"
#include "github.hpp"
#include "input.hpp"
#include "lsp.hpp"
#include "option_flags.hpp"
#include "qvet.hpp"
#include "render.hpp"
#include "sarif.hpp"

namespace {

using qvet::cli::FlagResult;
using qvet::cli::read_input;
using qvet::cli::take_option_flag;

constexpr int kExitValid = 0, kExitInvalid = 1, kExitUsage = 2;

const char* kUsage =
    "qvet: check quantum circuits before you queue them\n"
    "\n"
    "usage: qvet validate [options] FILE... | -\n"
    "       qvet simulate [options] FILE | -\n"
    "       qvet equivalent [options] FILE_A FILE_B\n"
    "       qvet export --to qasm2|qasm3 [options] [-o OUT] FILE | -\n"
    "       qvet fix [--dry-run] [options] FILE...\n"
    "       qvet lsp\n"
    "       qvet backends\n"
    "       qvet --version | --help\n"
    "\n";

// The CLI's own flags. They choose how a report is printed, not what the core computes, so they are
// not in the core's option table (core/api/option_table.hpp), whose flags options_help() lists.
const char* kOutputFlags =
    "output options (the CLI's own):\n"
    "  --output F        validate: text (the default), json, sarif (SARIF 2.1.0, for code scanning)\n"
    "                    or github (workflow annotations; the default when GITHUB_ACTIONS=true)\n"
    "  --json            print the report as JSON (one object for one file; for several,\n"
    "                    {\"reports\": [...], \"summary\": {...}}); validate: --output json\n"
    "  --quiet           validate: print only errors and the summary\n"
    "  --no-color        never color the text output\n"
    "  --repeat N        validate: validate (and serialise) each file N times; print the median and p95\n"
    "                    time\n"
    "  --jobs N, -j N    validate: files validated at once (default: one per core); the output keeps\n"
    "                    the order of the files\n"
    "  --no-cache        validate: validate every file, even one unchanged since the last run\n"
    "  --cache-dir DIR   validate: where the cache of unchanged files lives (default: .qvet_cache, or\n"
    "                    QVET_CACHE_DIR); an entry is keyed by the file's bytes, the options and qvet's\n"
    "                    build\n"
    "  --config FILE     the options of FILE (JSON, the npm package's options) for every input; without\n"
    "                    it, each input's nearest .qvet.json from its folder upwards (flags come after)\n"
    "  --no-config       read no .qvet.json\n"
    "\n"
    "every option, with the limits only the npm package sets: docs/options.md\n"
    "\n"
    "export: writes the circuit of FILE (any format) as OpenQASM 2 or 3 to standard output or OUT;\n"
    "the diagnostics go to standard error (with --json, one JSON object on standard output instead);\n"
    "it takes the validate options. Exit 0 written, 1 not (the source is invalid or the target\n"
    "cannot say it: E800)\n"
    "\n"
    "equivalent: are two circuits (up to 10 qubits, no measurements) the same unitary up to a\n"
    "global phase? exit 0 yes, 1 no\n"
    "\n"
    "exit status: 0 all files valid, 1 some file invalid, 2 usage or I/O error\n";

std::string help() { return kUsage + qvet::cli::options_help() + "\n" + kOutputFlags; }

int backends_command() {
  std::cout << "built-in backends (qvet validate --backend NAME):\n";
  for (const qvet::BackendProfileInfo& p : qvet::backend_profiles()) {
    std::string basis;
    for (const std::string& g : p.basis) basis += (basis.empty() ? "" : " ") + g;
    std::cout << "  " << p.name;
    if (p.qubits)
      std::cout << "  " << p.processor << ", " << p.qubits << " qubits, " << p.couplers << " couplers";
    else
      std::cout << "  generic shape (N up to 1024)";
    std::cout << ", basis " << basis << "\n";
    if (!p.devices.empty()) {
      std::string d;
      for (const std::string& n : p.devices) d += (d.empty() ? "" : ", ") + n;
      std::cout << "      devices: " << d << "\n";
    }
  }
  std::cout << "or a JSON file shaped like Qiskit's backend configuration (backend_name, n_qubits, basis_gates,\n"
               "coupling_map; optional gate_errors, gate_durations in seconds, readout_error, readout_duration)\n";
  return kExitValid;
}

std::string json_string(const std::string& s) {
  std::string o = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      o += '\\';
      o += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      o += buf;
    } else
      o += ch;
  }
  return o + "\"";
}

// Validation time in this process (no start-up): validate() plus the JSON report, which is what
// the WebAssembly package does per call, so the two can be compared.
void time_validation(const std::string& file, const std::string& src, const qvet::Options& opt, uint64_t n) {
  std::vector<double> us;
  size_t bytes = 0;
  for (uint64_t i = 0; i < n; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    bytes += qvet::to_json(qvet::validate(src, opt)).size();
    auto t1 = std::chrono::steady_clock::now();
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  if (bytes == 0) std::cerr << "";  // keeps the work from being optimised away
  std::sort(us.begin(), us.end());
  std::fprintf(stderr, "timing %s: median %.1f us, p95 %.1f us over %llu runs\n", file.c_str(), us[us.size() / 2],
               us[std::min(us.size() - 1, us.size() * 95 / 100)], static_cast<unsigned long long>(n));
}

// An option flag of the core's table or a configuration flag (--config, --no-config) at argv[i]:
// 1 taken (the option's position kept for each file's options_for), 0 neither, -1 a usage error
// (said on standard error). The one place every command reads them.
int take_core_flag(int argc, char** argv, int& i, qvet::OptionCalls call, qvet::Options& opt, qvet::SimOptions& sim,
                   qvet::cli::OptionFlags& flags) {
  const int start = i;
  const FlagResult f = take_option_flag(argc, argv, i, call, opt, sim);
  if (f == FlagResult::Bad) return -1;
  if (f == FlagResult::Taken) {
    flags.positions.push_back(start);
    return 1;
  }
  return qvet::cli::take_config_flag(argc, argv, i, flags);
}

enum class Output { Text, Json, Sarif, Github };

bool parse_output(const std::string& name, Output* out) {
  static const std::pair<const char*, Output> kNames[] = {
      {"text", Output::Text}, {"json", Output::Json}, {"sarif", Output::Sarif}, {"github", Output::Github}};
  for (const auto& [n, o] : kNames)
    if (name == n) {
      *out = o;
      return true;
    }
  std::cerr << "qvet: --output takes text, json, sarif or github, not '" << name << "'\n";
  return false;
}

// With --quiet: the report with its errors only.
qvet::Report errors_only(const qvet::Report& r) {
  qvet::Report only = r;
  only.diagnostics.clear();
  for (const auto& d : r.diagnostics)
    if (d.severity == qvet::Severity::Error) only.diagnostics.push_back(d);
  return only;
}

int validate_command(int argc, char** argv) {
  qvet::Options opt;
  qvet::SimOptions unused_sim;  // validate reads no simulation option
  bool quiet = false, color = qvet::cli::is_terminal(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  // In a GitHub Actions step the annotations are what the run's page shows.
  const char* actions = std::getenv("GITHUB_ACTIONS");
  Output output = actions && std::string(actions) == "true" ? Output::Github : Output::Text;
  uint64_t repeat = 0, jobs = qvet::cli::default_jobs();
  const char* cache_env = std::getenv("QVET_CACHE_DIR");
  std::string cache_dir = cache_env && *cache_env ? cache_env : ".qvet_cache";
  std::vector<std::string> files;
  qvet::cli::OptionFlags flags;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat") {
      if (i + 1 >= argc || !qvet::cli::parse_count("--repeat", argv[i + 1], &repeat)) return kExitUsage;
      ++i;
      continue;
    }
    if (a == "--jobs" || a == "-j") {
      if (i + 1 >= argc || !qvet::cli::parse_count("--jobs", argv[i + 1], &jobs)) return kExitUsage;
      ++i;
      continue;
    }
    if (a == "--no-cache") {
      cache_dir.clear();
      continue;
    }
    if (a == "--cache-dir") {
      if (i + 1 >= argc || !*argv[i + 1]) {
        std::cerr << "qvet: --cache-dir needs a folder\n";
        return kExitUsage;
      }
      cache_dir = argv[++i];
      continue;
    }
    if (a == "--output" || a.rfind("--output=", 0) == 0) {
      std::string value;
      if (a == "--output") {
        if (i + 1 >= argc) {
          std::cerr << "qvet: --output needs a value (text, json, sarif or github)\n";
          return kExitUsage;
        }
        value = argv[++i];
      } else {
        value = a.substr(9);
      }
      if (!parse_output(value, &output)) return kExitUsage;
      continue;
    }
    if (const int c = take_core_flag(argc, argv, i, qvet::kValidateCall, opt, unused_sim, flags)) {
      if (c < 0) return kExitUsage;
      continue;
    }
    if (a == "--json")
      output = Output::Json;
    else if (a == "--quiet")
      quiet = true;
    else if (a == "--no-color")
      color = false;
    else if (a == "--help" || a == "-h") {
      std::cout << help();
      return kExitValid;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "qvet: unknown option '" << a << "'\n" << help();
      return kExitUsage;
    } else
      files.push_back(a);
  }
  if (files.empty()) {
    std::cerr << "qvet: no input files (give FILE... or - for standard input)\n";
    return kExitUsage;
  }

  // Each file's own options (its .qvet.json, then the flags), found here, in order, before any
  // thread starts: a broken configuration stops the run before any output.
  std::vector<qvet::cli::BatchItem> items(files.size());
  for (size_t k = 0; k < files.size(); ++k) {
    items[k].path = files[k];
    if (!qvet::cli::options_for(files[k], argc, argv, qvet::kValidateCall, flags, &items[k].options, &unused_sim))
      return kExitUsage;
  }
  if (repeat) {
    jobs = 1;           // the timings are of one validation at a time,
    cache_dir.clear();  // and of a validation, not of a cache read
  }
  const qvet::cli::ReportCache cache(cache_dir);
  size_t valid = 0, invalid = 0, unreadable = 0, errors = 0, warnings = 0;
  std::string json_reports;
  qvet::cli::SarifLog sarif;
  qvet::cli::validate_batch(
      items, static_cast<unsigned>(std::max<uint64_t>(jobs, 1)), cache, [&](qvet::cli::BatchItem& item) {
        const std::string& f = item.path;
        const std::string& src = item.source;
        const std::string shown = f == "-" ? "<stdin>" : f;
        if (!item.read) {
          const std::string why = std::strerror(item.error);
          std::cerr << "qvet: cannot read '" << f << "': " << why << "\n";
          if (output == Output::Sarif) sarif.add_unreadable(f, why);
          ++unreadable;
          return;
        }
        if (repeat) time_validation(shown, src, item.options, repeat);
        const qvet::Report& r = item.report;
        (r.valid ? valid : invalid)++;
        for (const auto& d : r.diagnostics) {
          errors += d.severity == qvet::Severity::Error;
          warnings += d.severity == qvet::Severity::Warning;
        }
        switch (output) {
          case Output::Json: {
            std::string body = qvet::to_json(r, files.size() == 1 ? 2 : -1);
            if (files.size() == 1) {
              std::cout << body << "\n";
              break;
            }
            if (!json_reports.empty()) json_reports += ",\n";
            json_reports += "{\"file\":" + json_string(shown) + ",\"report\":" + body + "}";
            break;
          }
          case Output::Sarif: sarif.add(f, src, r); break;
          case Output::Github:
            std::cout << qvet::cli::github_annotations(shown, quiet ? errors_only(r) : r)
                      << qvet::cli::render_summary(shown, r);
            break;
          case Output::Text:
            std::cout << qvet::cli::render_diagnostics(shown, src, quiet ? errors_only(r) : r, color)
                      << qvet::cli::render_summary(shown, r) << qvet::cli::render_backend(r);
            break;
        }
      });
  if (output == Output::Sarif) {
    std::cout << sarif.str();
  } else if (output == Output::Json && files.size() > 1) {
    std::cout << "{\"reports\":[\n"
              << json_reports << "\n],\"summary\":{\"files\":" << files.size() << ",\"valid\":" << valid
              << ",\"invalid\":" << invalid << ",\"unreadable\":" << unreadable << "}}\n";
  } else if (output == Output::Github) {
    // The step's one-line summary; the annotations above are capped by GitHub, this is not.
    std::cout << "qvet: " << files.size() << " file" << (files.size() == 1 ? "" : "s") << ", " << valid << " valid, "
              << invalid << " invalid";
    if (unreadable) std::cout << ", " << unreadable << " unreadable";
    std::cout << "; " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
              << (warnings == 1 ? "" : "s") << "\n";
  } else if (output == Output::Text && files.size() > 1) {
    std::cout << files.size() << " files: " << valid << " valid, " << invalid << " invalid";
    if (unreadable) std::cout << ", " << unreadable << " unreadable";
    std::cout << "\n";
  }
  if (unreadable) return kExitUsage;
  return invalid ? kExitInvalid : kExitValid;
}

std::string histogram(const qvet::Simulation& s) {
  std::vector<std::pair<std::string, uint64_t>> rows = s.counts;
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  const size_t shown = std::min<size_t>(rows.size(), 32);
  uint64_t top = rows.empty() ? 1 : rows[0].second;
  size_t width = 0;
  for (size_t i = 0; i < shown; ++i) width = std::max(width, rows[i].first.size());
  std::string out;
  for (size_t i = 0; i < shown; ++i) {
    const auto& [key, n] = rows[i];
    char pct[32];
    std::snprintf(pct, sizeof pct, "%6.2f%%", 100.0 * static_cast<double>(n) / static_cast<double>(s.shots));
    out += "  " + key + std::string(width - key.size(), ' ') + "  " + std::to_string(n) + "\t" + pct + "  " +
           std::string(static_cast<size_t>(40.0 * static_cast<double>(n) / static_cast<double>(top)), '#') + "\n";
  }
  if (rows.size() > shown) out += "  ... " + std::to_string(rows.size() - shown) + " more outcomes\n";
  return out;
}

int simulate_command(int argc, char** argv) {
  qvet::Options opt;
  qvet::SimOptions sim;
  bool as_json = false, color = qvet::cli::is_terminal(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  std::vector<std::string> files;
  qvet::cli::OptionFlags flags;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (const int c = take_core_flag(argc, argv, i, qvet::kSimulateCall, opt, sim, flags)) {
      if (c < 0) return kExitUsage;
      continue;
    }
    if (a == "--json")
      as_json = true;
    else if (a == "--no-color")
      color = false;
    else if (a == "--help" || a == "-h") {
      std::cout << help();
      return kExitValid;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "qvet: unknown option '" << a << "'\n" << help();
      return kExitUsage;
    } else
      files.push_back(a);
  }
  if (files.size() != 1) {
    std::cerr << "qvet: simulate takes one file (or - for standard input)\n";
    return kExitUsage;
  }
  std::string src;
  const std::string shown = files[0] == "-" ? "<stdin>" : files[0];
  if (!read_input(files[0], &src)) {
    std::cerr << "qvet: cannot read '" << files[0] << "': " << std::strerror(errno) << "\n";
    return kExitUsage;
  }
  if (!qvet::cli::options_for(files[0], argc, argv, qvet::kSimulateCall, flags, &opt, &sim)) return kExitUsage;
  qvet::Report r = qvet::simulate(src, opt, sim);
  const bool ok = r.valid && r.has_simulation && r.simulation.ok;
  if (as_json) {
    std::cout << qvet::to_json(r, 2) << "\n";
    return ok ? kExitValid : kExitInvalid;
  }
  std::cout << qvet::cli::render_diagnostics(shown, src, r, color);
  if (!r.valid) {
    std::cout << qvet::cli::render_summary(shown, r);
    return kExitInvalid;
  }
  const qvet::Simulation& s = r.simulation;
  if (!s.ok) {
    qvet::Report only;
    only.diagnostics.push_back(s.error);
    if (s.error.span.offset || s.error.span.line > 1)
      std::cout << qvet::cli::render_diagnostics(shown, src, only, color);
    else
      std::cout << shown << ": error[" << s.error.code << "]: " << s.error.message << "\n";
    return kExitInvalid;
  }
  std::cout << shown << ": " << s.qubits << " qubits, " << s.shots << " shots, seed " << s.seed << ", " << s.method
            << (s.measured_all ? " (no measurements: all qubits read out)" : "") << "\n";
  std::cout << histogram(s);
  for (const auto& [p, e] : s.expectation_values) std::cout << "  <" << p << "> = " << e << "\n";
  if (!s.statevector.empty()) {
    std::cout << "statevector:\n";
    for (size_t i = 0; i < s.statevector.size(); ++i) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "  %zu: %+.6f %+.6fi\n", i, s.statevector[i].real(), s.statevector[i].imag());
      std::cout << buf;
    }
  }
  return kExitValid;
}

int equivalent_command(int argc, char** argv) {
  qvet::Options opt;
  qvet::SimOptions unused_sim;  // nothing is simulated
  bool as_json = false;
  std::vector<std::string> files;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    const FlagResult f = take_option_flag(argc, argv, i, qvet::kEquivalentCall, opt, unused_sim);
    if (f == FlagResult::Bad) return kExitUsage;
    if (f == FlagResult::Taken) continue;
    if (a == "--json")
      as_json = true;
    else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "qvet: unknown option '" << a << "'\n";
      return kExitUsage;
    } else
      files.push_back(a);
  }
  if (files.size() != 2) {
    std::cerr << "qvet: equivalent takes two files\n";
    return kExitUsage;
  }
  std::string a, b;
  if (!read_input(files[0], &a) || !read_input(files[1], &b)) {
    std::cerr << "qvet: cannot read the input files: " << std::strerror(errno) << "\n";
    return kExitUsage;
  }
  qvet::Equivalence e = qvet::equivalent(a, b, opt);
  if (as_json) {
    std::cout << qvet::to_json(e) << "\n";
  } else if (!e.ok) {
    std::cout << "qvet: cannot compare: error[" << e.error.code << "]: " << e.error.message << "\n";
  } else if (e.equivalent) {
    std::cout << "equivalent (global phase " << e.global_phase << " rad)\n";
  } else {
    std::cout << "not equivalent (largest difference " << e.max_deviation << ")\n";
  }
  if (!e.ok) return kExitUsage;
  return e.equivalent ? kExitValid : kExitInvalid;
}

int export_command(int argc, char** argv) {
  qvet::Options opt;
  qvet::SimOptions unused_sim;  // export reads no simulation option
  bool as_json = false, color = qvet::cli::is_terminal(STDERR_FILENO) && !std::getenv("NO_COLOR");
  std::string to, out_path;
  std::vector<std::string> files;
  qvet::cli::OptionFlags flags;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--to" || a == "-o") {
      if (i + 1 >= argc) {
        std::cerr << "qvet: " << a << " needs a value\n";
        return kExitUsage;
      }
      (a == "--to" ? to : out_path) = argv[++i];
      continue;
    }
    if (a.rfind("--to=", 0) == 0) {
      to = a.substr(5);
      continue;
    }
    if (const int c = take_core_flag(argc, argv, i, qvet::kValidateCall, opt, unused_sim, flags)) {
      if (c < 0) return kExitUsage;
      continue;
    }
    if (a == "--json")
      as_json = true;
    else if (a == "--no-color")
      color = false;
    else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "qvet: unknown option '" << a << "'\n";
      return kExitUsage;
    } else
      files.push_back(a);
  }
  if (to != "qasm2" && to != "qasm3") {
    std::cerr << "qvet: export needs --to qasm2 or --to qasm3\n";
    return kExitUsage;
  }
  if (files.size() != 1) {
    std::cerr << "qvet: export takes one file (or - for standard input)\n";
    return kExitUsage;
  }
  std::string src;
  if (!read_input(files[0], &src)) {
    std::cerr << "qvet: cannot read '" << files[0] << "': " << std::strerror(errno) << "\n";
    return kExitUsage;
  }
  if (!qvet::cli::options_for(files[0], argc, argv, qvet::kValidateCall, flags, &opt, &unused_sim)) return kExitUsage;
  const qvet::Export e = qvet::export_circuit(src, to == "qasm3" ? qvet::Format::Qasm3 : qvet::Format::Qasm2, opt);
  const std::string shown = files[0] == "-" ? "<stdin>" : files[0];
  if (as_json) {
    std::cout << qvet::to_json(e, 2) << "\n";
  } else {
    std::cerr << qvet::cli::render_diagnostics(shown, src, e.report, color);
    if (e.ok && out_path.empty()) std::cout << e.code;
  }
  if (e.ok && !out_path.empty()) {
    FILE* f = std::fopen(out_path.c_str(), "wb");
    const bool written = f && std::fwrite(e.code.data(), 1, e.code.size(), f) == e.code.size();
    if (f) std::fclose(f);
    if (!written) {
      std::cerr << "qvet: cannot write '" << out_path << "': " << std::strerror(errno) << "\n";
      return kExitUsage;
    }
  }
  return e.ok ? kExitValid : kExitInvalid;
}

// qvet fix: the certain quick fixes of each file applied, the file written back (or, with
// --dry-run, the diff printed). Exit 0 when every file is valid afterwards, 1 when one is not, 2 on
// a usage or I/O error. What was applied is said on standard error, so a dry run's output is a diff.
int fix_command(int argc, char** argv) {
  qvet::Options opt;
  qvet::SimOptions unused_sim;
  qvet::cli::OptionFlags flags;
  bool dry_run = false;
  std::vector<std::string> files;
  for (int i = 0; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--dry-run") {
      dry_run = true;
      continue;
    }
    if (const int c = take_core_flag(argc, argv, i, qvet::kValidateCall, opt, unused_sim, flags)) {
      if (c < 0) return kExitUsage;
      continue;
    }
    if (a == "--help" || a == "-h") {
      std::cout << help();
      return kExitValid;
    }
    if (a.size() > 1 && a[0] == '-') {
      std::cerr << "qvet: unknown option '" << a << "'\n" << help();
      return kExitUsage;
    }
    files.push_back(a);
  }
  if (files.empty()) {
    std::cerr << "qvet: fix needs FILE... (it writes them back; --dry-run prints the diff instead)\n";
    return kExitUsage;
  }
  int status = kExitValid;
  for (const std::string& f : files) {
    qvet::Options o;
    if (!qvet::cli::options_for(f, argc, argv, qvet::kValidateCall, flags, &o, &unused_sim)) return kExitUsage;
    std::string src;
    errno = 0;
    if (f == "-" || !read_input(f, &src)) {
      std::cerr << "qvet: cannot read '" << f << "'" << (f == "-" ? ": fix writes files, not standard input" : "")
                << "\n";
      status = kExitUsage;
      continue;
    }
    const qvet::cli::Fixed fixed = qvet::cli::apply_fixes(src, qvet::validate(src, o));
    for (const std::string& t : fixed.titles)
      std::cerr << f << ": " << (dry_run ? "would fix: " : "fixed: ") << t << "\n";
    if (dry_run) {
      std::cout << qvet::cli::unified_diff(f, src, fixed.text);
    } else if (fixed.text != src) {
      FILE* out = std::fopen(f.c_str(), "wb");
      const bool ok = out && std::fwrite(fixed.text.data(), 1, fixed.text.size(), out) == fixed.text.size();
      if (out && std::fclose(out) != 0) status = kExitUsage;
      if (!ok) {
        std::cerr << "qvet: cannot write '" << f << "': " << std::strerror(errno) << "\n";
        status = kExitUsage;
        continue;
      }
    }
    if (!qvet::validate(fixed.text, o).valid && status == kExitValid) status = kExitInvalid;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    std::cerr << help();
    return kExitUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << help();
    return kExitValid;
  }
  if (cmd == "--version") {
    std::cout << "qvet " << qvet::version() << "\n";
    return kExitValid;
  }
  if (cmd == "validate") return validate_command(argc - 2, argv + 2);
  if (cmd == "simulate") return simulate_command(argc - 2, argv + 2);
  if (cmd == "equivalent") return equivalent_command(argc - 2, argv + 2);
  if (cmd == "export") return export_command(argc - 2, argv + 2);
  if (cmd == "backends") return backends_command();
  if (cmd == "fix") return fix_command(argc - 2, argv + 2);
  if (cmd == "lsp") return qvet::cli::serve_lsp(stdin, stdout);
  std::cerr << "qvet: unknown command '" << cmd << "'\n" << help();
  return kExitUsage;
}
