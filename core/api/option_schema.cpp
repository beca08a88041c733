// The option table as the package's schema (see option_schema.hpp).
#include "api/option_schema.hpp"

#include <nlohmann/json.hpp>

#include "api/option_table.hpp"

namespace qvet {

std::string option_schema_json() {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const OptionRow& row : option_table()) {
    nlohmann::ordered_json r;
    r["key"] = row.key;
    r["flag"] = row.flag ? nlohmann::ordered_json(row.flag) : nlohmann::ordered_json();
    r["type"] = option_type_name(row.type);
    if (row.type == OptionType::OneOf) r["choices"] = row.choices;
    nlohmann::ordered_json calls = nlohmann::ordered_json::array();
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
