// The public backend entry points of qvet.hpp, over the profiles and the JSON reader.
#include "backend/backend.hpp"
#include "qvet.hpp"

namespace qvet {

namespace backend {
// Resolves the backend the options ask for; false with a message when it is unusable.
bool resolve(const Options& options, Backend* out, std::string* error) {
  if (!options.backend_json.empty()) {
    if (!parse_backend_json(options.backend_json, out, error)) {
      *error = "backend file: " + *error;
      return false;
    }
    return true;
  }
  return find_profile(options.backend, out, error);
}
}  // namespace backend

std::vector<BackendProfileInfo> backend_profiles() {
  std::vector<BackendProfileInfo> out;
  for (const backend::Profile& p : backend::profiles())
    out.push_back({p.name, p.processor, p.num_qubits, p.couplers, p.basis, p.devices});
  return out;
}

std::string backend_problem(const Options& options) {
  if (options.backend.empty() && options.backend_json.empty()) return "";
  backend::Backend b;
  std::string error;
  return backend::resolve(options, &b, &error) ? "" : error;
}

}  // namespace qvet
