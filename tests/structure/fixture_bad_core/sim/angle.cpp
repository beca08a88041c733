// A pass that includes a front end in angle brackets: also rejected.
  #  include <python/parser.hpp>
#include <vector>
