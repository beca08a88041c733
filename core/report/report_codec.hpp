// A report as bytes and back, exactly: what the CLI's cache of unchanged files stores
// (cli/cache.cpp). Not a format for anyone else: the bytes carry no field names, only a version,
// and a reader of another version finds nothing. The JSON report (to_json) is the public form.
#pragma once
#include <string>
#include <string_view>

#include "qvet/report.hpp"

namespace qvet {

std::string encode_report(const Report& report);

// False, with `out` unspecified, for bytes that are not a whole report of this version (a torn or
// stale cache entry): every length is checked against what is left before anything is allocated.
bool decode_report(std::string_view bytes, Report* out);

}  // namespace qvet
