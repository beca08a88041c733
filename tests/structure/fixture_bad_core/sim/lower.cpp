// A pass that includes a front end: include_graph.sh must reject this tree.
#include "qasm2/parser.hpp"
