// qvet: the command-line front of the core. All I/O lives here; the core only sees strings.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "qvet.hpp"
#include "render.hpp"

namespace {

constexpr int kExitValid = 0, kExitInvalid = 1, kExitUsage = 2;

const char* kHelp =
    "qvet: check quantum circuits before you queue them\n"
    "\n"
    "usage: qvet validate [options] FILE... | -\n"
    "       qvet --version | --help\n"
    "\n"
    "validate options:\n"
    "  --json            print the report as JSON (one object for one file; for several,\n"
    "                    {\"reports\": [...], \"summary\": {...}})\n"
    "  --format F        auto (default) or qasm2\n"
    "  --strict          departures from the OpenQASM 2 paper are errors, not warnings\n"
    "  --ops             include every operation with its layer in the JSON report\n"
    "  --quiet           print only errors and the summary\n"
    "  --no-color        never color the text output\n"
    "\n"
    "exit status: 0 all files valid, 1 some file invalid, 2 usage or I/O error\n";

bool read_input(const std::string& path, std::string* out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return !in.bad();
}

std::string json_string(const std::string& s) {
  std::string o = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') { o += '\\'; o += ch; }
    else if (c < 0x20) { char buf[8]; std::snprintf(buf, sizeof buf, "\\u%04x", c); o += buf; }
    else o += ch;
  }
  return o + "\"";
}

int validate_command(int argc, char** argv) {
  qvet::Options opt;
  bool as_json = false, quiet = false, color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  std::vector<std::string> files;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--json") as_json = true;
    else if (a == "--strict") opt.strict = true;
    else if (a == "--ops") opt.include_operations = true;
    else if (a == "--quiet") quiet = true;
    else if (a == "--no-color") color = false;
    else if (a == "--format" || a.rfind("--format=", 0) == 0) {
      std::string f;
      if (a == "--format") {
        if (i + 1 >= argc) { std::cerr << "qvet: --format needs a value (auto or qasm2)\n"; return kExitUsage; }
        f = argv[++i];
      } else {
        f = a.substr(9);
      }
      if (f == "auto") opt.format = qvet::Format::Auto;
      else if (f == "qasm2") opt.format = qvet::Format::Qasm2;
      else { std::cerr << "qvet: unknown format '" << f << "' (expected auto or qasm2)\n"; return kExitUsage; }
    } else if (a == "--help" || a == "-h") { std::cout << kHelp; return kExitValid; }
    else if (a.size() > 1 && a[0] == '-' ) { std::cerr << "qvet: unknown option '" << a << "'\n" << kHelp; return kExitUsage; }
    else files.push_back(a);
  }
  if (files.empty()) { std::cerr << "qvet: no input files (give FILE... or - for standard input)\n"; return kExitUsage; }

  size_t valid = 0, invalid = 0, unreadable = 0;
  std::string json_reports;
  for (const std::string& f : files) {
    std::string src;
    const std::string shown = f == "-" ? "<stdin>" : f;
    if (!read_input(f, &src)) {
      std::cerr << "qvet: cannot read '" << f << "': " << std::strerror(errno) << "\n";
      ++unreadable;
      continue;
    }
    qvet::Report r = qvet::validate(src, opt);
    (r.valid ? valid : invalid)++;
    if (as_json) {
      std::string body = qvet::to_json(r, files.size() == 1 ? 2 : -1);
      if (files.size() == 1) { std::cout << body << "\n"; continue; }
      if (!json_reports.empty()) json_reports += ",\n";
      json_reports += "{\"file\":" + json_string(shown) + ",\"report\":" + body + "}";
    } else {
      if (quiet) {
        qvet::Report only_errors = r;
        only_errors.diagnostics.clear();
        for (const auto& d : r.diagnostics)
          if (d.severity == qvet::Severity::Error) only_errors.diagnostics.push_back(d);
        std::cout << qvet::cli::render_diagnostics(shown, src, only_errors, color);
      } else {
        std::cout << qvet::cli::render_diagnostics(shown, src, r, color);
      }
      std::cout << qvet::cli::render_summary(shown, r);
    }
  }
  if (as_json && files.size() > 1) {
    std::cout << "{\"reports\":[\n" << json_reports << "\n],\"summary\":{\"files\":" << files.size()
              << ",\"valid\":" << valid << ",\"invalid\":" << invalid << ",\"unreadable\":" << unreadable << "}}\n";
  } else if (!as_json && files.size() > 1) {
    std::cout << files.size() << " files: " << valid << " valid, " << invalid << " invalid";
    if (unreadable) std::cout << ", " << unreadable << " unreadable";
    std::cout << "\n";
  }
  if (unreadable) return kExitUsage;
  return invalid ? kExitInvalid : kExitValid;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) { std::cerr << kHelp; return kExitUsage; }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") { std::cout << kHelp; return kExitValid; }
  if (cmd == "--version") { std::cout << "qvet " << qvet::version() << "\n"; return kExitValid; }
  if (cmd == "validate") return validate_command(argc - 2, argv + 2);
  std::cerr << "qvet: unknown command '" << cmd << "'\n" << kHelp;
  return kExitUsage;
}
