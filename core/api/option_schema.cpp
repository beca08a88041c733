// The option table as the package's schema (see option_schema.hpp).
#include "api/option_schema.hpp"

#include <nlohmann/json.hpp>

#include "api/option_table.hpp"

namespace qvet {

// Plain json, whose objects sort their keys: the rows' order is the array's, and the module already
// holds this instantiation (ordered_json here made the .wasm 3.6 KB larger).
std::string option_schema_json() {
  nlohmann::json rows = nlohmann::json::array();
  for (const OptionRow& row : option_table()) {
    nlohmann::json r;
    r["key"] = row.key;
    r["flag"] = row.flag ? nlohmann::json(row.flag) : nlohmann::json();
    r["type"] = option_type_name(row.type);
    if (row.type == OptionType::OneOf) r["choices"] = row.choices;
    nlohmann::json calls = nlohmann::json::array();
    if (row.calls & kValidateCall) calls.push_back("validate");
    if (row.calls & kSimulateCall) calls.push_back("simulate");
    r["calls"] = calls;
    r["default"] = row.read(Options{}, SimOptions{});
    r["description"] = row.description;
    rows.push_back(r);
  }
  return rows.dump();
}

}  // namespace qvet
