#include "circuit/bind.hpp"

#include <algorithm>

namespace qvet {

bool bind_parameters(Circuit& c, const std::vector<std::pair<std::string, double>>& values, std::string* error) {
  std::vector<double> bound(c.parameters.size(), 0);
  std::vector<uint8_t> given(c.parameters.size(), 0);
  for (const auto& [name, value] : values) {
    auto it = std::find(c.parameters.begin(), c.parameters.end(), name);
    if (it == c.parameters.end()) {
      *error = "the circuit has no parameter named '" + name + "'";
      return false;
    }
    bound[it - c.parameters.begin()] = value;
    given[it - c.parameters.begin()] = 1;
  }
  std::string missing;
  for (size_t i = 0; i < c.parameters.size(); ++i)
    if (!given[i]) missing += (missing.empty() ? "'" : ", '") + c.parameters[i] + "'";
  if (!missing.empty()) {
    *error = "the circuit has unbound parameters (" + missing + "): give a value for each to simulate it";
    return false;
  }
  std::vector<double> stack;
  for (const SymbolicParam& s : c.symbolic) {
    const char* why = nullptr;
    double v = 0;
    if (!evaluate(s.expr, bound.data(), stack, &v, &why)) {
      *error = std::string("a gate parameter has no value with these parameters: ") + why;
      return false;
    }
    c.param_pool[s.slot] = v;
  }
  return true;
}

}  // namespace qvet
