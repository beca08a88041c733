// numpy as circuit code uses it for gate data: arrays made by np.array, linspace, arange, diag,
// eye, identity, zeros, ones; elementwise arithmetic with broadcasting (0.5 * np.array(...)),
// and the products kron, dot, matmul and @. An array is a list marked kNdArray at every level, so
// what reads a list (UnitaryGate, initialize, indexing, len, for) reads it unchanged. Every element
// counts against the item bound before it is made, and a product's multiplications against the
// step budget.
#include <algorithm>
#include <cmath>

#include "python/interpreter.hpp"
#include "python/names.hpp"

namespace qvet::python {

namespace {

bool is_seq(const Value& v) { return v.kind == Value::List || v.kind == Value::Tuple; }

// The number of dimensions, read down the first elements (numpy's arrays are rectangular).
size_t ndim(const Value& v) {
  size_t n = 0;
  const Value* x = &v;
  while (is_seq(*x) && n < 128) {
    ++n;
    if (x->items->empty()) break;
    x = &(*x->items)[0];
  }
  return n;
}

}  // namespace

Value Interpreter::make_array(Items items, const Node& at) {
  Value v = nested(Value::list(std::move(items)), at);
  v.i = kNdArray;
  return v;
}

// np.array(x): x's sequences, at every level, as arrays of the same elements.
Value Interpreter::array_of(const Value& v, const Node& at, uint32_t level) {
  if (level > 64) fail(at, "E608", "arrays nested more than 64 deep");
  Items items;
  iterate(at, v, [&](const Value& x) {
    count_items(1, at);
    items.push_back(is_seq(x) ? array_of(x, at, level + 1) : x);
    return true;
  });
  return make_array(std::move(items), at);
}

// a op b elementwise: two arrays of the same shape pair up, a scalar (or an array of fewer
// dimensions, numpy's trailing alignment) meets every element of the other; `@` is matmul.
Value Interpreter::array_binary(char op, const Value& a, const Value& b, const Node& at) {
  if (op == '@') return matmul(a, b, at);
  const size_t da = ndim(a), db = ndim(b);
  Items out;
  if (da == db) {
    const size_t na = a.items->size(), nb = b.items->size();
    if (na != nb && na != 1 && nb != 1)
      fail(at, "E609",
           "operands could not be broadcast together (lengths " + std::to_string(na) + " and " + std::to_string(nb) +
               ")");
    const size_t n = na == 1 ? nb : na;
    count_items(n, at);
    for (size_t k = 0; k < n; ++k) {
      const Value& x = (*a.items)[na == 1 ? 0 : k];
      const Value& y = (*b.items)[nb == 1 ? 0 : k];
      out.push_back(is_seq(x) || is_seq(y) ? array_binary(op, x, y, at) : binary(op, x, y, at));
    }
  } else {
    const Value& big = da > db ? a : b;
    count_items(big.items->size(), at);
    for (const Value& x : *big.items) {
      const Value& l = da > db ? x : a;
      const Value& r = da > db ? b : x;
      out.push_back(is_seq(l) || is_seq(r) ? array_binary(op, l, r, at) : binary(op, l, r, at));
    }
  }
  return make_array(std::move(out), at);
}

Value Interpreter::array_unary(char op, const Value& a, const Node& at) {
  Items out;
  count_items(a.items->size(), at);
  for (const Value& x : *a.items) out.push_back(is_seq(x) ? array_unary(op, x, at) : unary(op, x, at));
  return make_array(std::move(out), at);
}

// The matrix product of numpy's matmul (and dot, for 1-D and 2-D operands): a 1-D left operand is
// a row, a 1-D right one a column, and those dimensions are dropped from the result.
Value Interpreter::matmul(const Value& a, const Value& b, const Node& at) {
  if (!is_seq(a) || !is_seq(b)) fail(at, "E605", "matmul: both operands must be arrays, not scalars");
  const size_t da = ndim(a), db = ndim(b);
  if (da > 2 || db > 2) refuse(at, "matrix products of arrays with more than two dimensions");
  auto rows = [&](const Value& v, bool column) {
    std::vector<Items> m;
    if (ndim(v) == 1) {
      if (column)
        for (const Value& x : *v.items) m.push_back({x});
      else
        m.push_back(*v.items);
      return m;
    }
    for (const Value& r : *v.items) {
      if (!is_seq(r)) fail(at, "E609", "the array has an inhomogeneous shape");
      m.push_back(*r.items);
    }
    return m;
  };
  const std::vector<Items> x = rows(a, false), y = rows(b, true);
  const size_t n = x.size(), m = y.size(), p = y.empty() ? 0 : y[0].size();
  for (const Items& r : x)
    if (r.size() != m)
      fail(at, "E609",
           "matmul: the operands' inner dimensions differ (" + std::to_string(r.size()) + " and " + std::to_string(m) +
               ")");
  for (const Items& r : y)
    if (r.size() != p) fail(at, "E609", "the array has an inhomogeneous shape");
  count_items(n * p, at);
  step(at, "matrix products", 1 + n * p * m / 16);
  Items result;
  for (size_t i = 0; i < n; ++i) {
    Items row;
    for (size_t j = 0; j < p; ++j) {
      Value sum = Value::integer(0);
      for (size_t k = 0; k < m; ++k) sum = binary('+', sum, binary('*', x[i][k], y[k][j], at), at);
      row.push_back(sum);
    }
    result.push_back(db == 1 ? row[0] : make_array(std::move(row), at));
  }
  if (da == 1) return result[0];  // a row's product: a vector, or for two vectors a number
  return make_array(std::move(result), at);
}

Value Interpreter::numpy_function(int64_t fn, Args& args, const Node& at) {
  const std::string fname = function_name(fn);
  auto arg_node = [&](size_t i) -> const Node& { return *args.pos_nodes[i]; };
  // Arguments by name (numpy's), positionals first; unknown keywords are refused by name.
  auto bind = [&](const std::vector<const char*>& names, size_t required) {
    return bind_args(args, names, required, names.size(), fname, at);
  };
  auto number = [&](const Value* v, const Node* node, const char* what) {
    if (!v->is_number()) fail(*node, "E605", fname + "(): " + what + " must be a number, not '" + type_name(*v) + "'");
    return v->number();
  };
  // A dtype of int makes integers, any other (float, complex, a numpy type) floats.
  auto int_dtype = [&](const Value* v) { return v && v->kind == Value::Function && v->i == kInt; };
  auto fill = [&](bool ints, double x) { return ints ? Value::integer(static_cast<int64_t>(x)) : Value::real(x); };
  auto count = [&](const Value* v, const Node* node, const char* what) {
    const int64_t n = to_int(*v, *node, what);
    if (n < 0) fail(*node, "E609", fname + "(): " + what + " must be non-negative, not " + std::to_string(n));
    if (static_cast<uint64_t>(n) > opt_.limits.max_python_steps) count_items(static_cast<uint64_t>(n), *node);
    return static_cast<size_t>(n);
  };
  switch (fn) {
    case kNpLinspace: {
      Bound b = bind({"start", "stop", "num", "endpoint", "retstep", "dtype", "axis"}, 2);
      if (b[4] || b[6]) refuse(b[4] ? *b.node[4] : *b.node[6], "linspace(retstep=..., axis=...)");
      const double start = number(b[0], b.node[0], "start"), stop = number(b[1], b.node[1], "stop");
      const size_t num = b[2] ? count(b[2], b.node[2], "num") : 50;
      const bool endpoint = !b[3] || truth(*b[3], *b.node[3]);
      count_items(num, at);
      // numpy: y = arange(num) * step + start, the last one exactly stop when the endpoint is in.
      const size_t div = endpoint ? num - (num > 0) : num;
      const double step_size = div > 0 ? (stop - start) / static_cast<double>(div) : 0;
      Items out;
      for (size_t k = 0; k < num; ++k) out.push_back(fill(int_dtype(b[5]), static_cast<double>(k) * step_size + start));
      if (endpoint && num > 1) out.back() = fill(int_dtype(b[5]), stop);
      return make_array(std::move(out), at);
    }
    case kNpArange: {
      Bound b = bind({"start", "stop", "step", "dtype"}, 1);
      Value lo = Value::integer(0), hi = *b[0], by = Value::integer(1);
      if (b[1] && b[1]->kind != Value::None) lo = *b[0], hi = *b[1];
      if (b[2]) by = *b[2];
      for (const Value* v : {&lo, &hi, &by}) number(v, b.node[0], "each bound");
      const bool ints = (lo.is_int() && hi.is_int() && by.is_int()) || int_dtype(b[3]);
      if (by.number() == 0) fail(at, "E609", "arange(): the step must not be zero");
      const double span = std::ceil((hi.number() - lo.number()) / by.number());
      if (!(span < static_cast<double>(opt_.limits.max_python_steps)))
        count_items(opt_.limits.max_python_steps + 1, at);
      const size_t n = span > 0 ? static_cast<size_t>(span) : 0;
      count_items(n, at);
      Items out;
      for (size_t k = 0; k < n; ++k)
        out.push_back(ints && lo.is_int() && by.is_int()
                          ? Value::integer(lo.i + static_cast<int64_t>(k) * by.i)
                          : fill(ints, lo.number() + static_cast<double>(k) * by.number()));
      return make_array(std::move(out), at);
    }
    case kNpDiag: {
      Bound b = bind({"v", "k"}, 1);
      if (b[1] && !(b[1]->is_int() && b[1]->i == 0)) refuse(*b.node[1], "diag(k=...) off the main diagonal");
      const Value& v = *b[0];
      if (!is_seq(v)) fail(*b.node[0], "E609", "diag(): the input must be 1-d or 2-d");
      if (ndim(v) >= 2) {  // a matrix's diagonal
        Items out;
        for (size_t k = 0; k < v.items->size(); ++k) {
          const Value& row = (*v.items)[k];
          if (!is_seq(row)) fail(*b.node[0], "E609", "the array has an inhomogeneous shape");
          if (k >= row.items->size()) break;
          out.push_back((*row.items)[k]);
        }
        count_items(out.size(), at);
        return make_array(std::move(out), at);
      }
      const size_t n = v.items->size();
      count_items(n * n, at);  // n is at most the item bound, so n * n cannot overflow
      // The zeros take the entries' type: integers for integers, complex for complex.
      Value zero = Value::integer(0);
      for (const Value& x : *v.items) {
        if (x.kind == Value::Float && zero.kind == Value::Int) zero = Value::real(0);
        if (x.kind == Value::Complex) zero = Value::complex(0, 0);
      }
      Items out;
      for (size_t r = 0; r < n; ++r) {
        Items row(n, zero);
        row[r] = (*v.items)[r];
        out.push_back(make_array(std::move(row), at));
      }
      return make_array(std::move(out), at);
    }
    case kNpEye:
    case kNpIdentity: {
      Bound b = fn == kNpEye ? bind({"N", "M", "k", "dtype"}, 1) : bind({"n", "dtype"}, 1);
      const Value* dtype = fn == kNpEye ? b[3] : b[1];
      const size_t n = count(b[0], b.node[0], "N");
      const size_t m = fn == kNpEye && b[1] && b[1]->kind != Value::None ? count(b[1], b.node[1], "M") : n;
      const int64_t k = fn == kNpEye && b[2] ? to_int(*b[2], *b.node[2], "k") : 0;
      count_items(n * m, at);
      Items out;
      for (size_t r = 0; r < n; ++r) {
        Items row;
        for (size_t c = 0; c < m; ++c)
          row.push_back(fill(int_dtype(dtype), static_cast<int64_t>(c) - static_cast<int64_t>(r) == k ? 1 : 0));
        out.push_back(make_array(std::move(row), at));
      }
      return make_array(std::move(out), at);
    }
    case kNpZeros:
    case kNpOnes: {
      Bound b = bind({"shape", "dtype", "order"}, 1);
      std::vector<size_t> shape;
      if (is_seq(*b[0])) {
        for (const Value& d : *b[0]->items) shape.push_back(count(&d, b.node[0], "each dimension"));
      } else {
        shape.push_back(count(b[0], b.node[0], "the shape"));
      }
      if (shape.size() > 32) refuse(*b.node[0], "arrays of more than 32 dimensions");
      uint64_t total = 1;
      for (size_t d : shape) {
        total *= d;
        if (total > opt_.limits.max_python_steps) count_items(total, at);  // before it could overflow
      }
      count_items(total, at);
      const Value one = fill(int_dtype(b[1]), fn == kNpOnes ? 1 : 0);
      std::function<Value(size_t)> build = [&](size_t level) {
        Items items;
        for (size_t k = 0; k < shape[level]; ++k) items.push_back(level + 1 == shape.size() ? one : build(level + 1));
        return make_array(std::move(items), at);
      };
      return build(0);
    }
    case kNpKron: {
      if (args.pos.size() != 2 || !args.kw.empty()) fail(at, "E605", "kron() takes 2 positional arguments");
      const Value &a = args.pos[0], &b = args.pos[1];
      if (!is_seq(a) || !is_seq(b) || ndim(a) != ndim(b) || ndim(a) > 2)
        refuse(at, "kron() of anything but two vectors or two matrices");
      if (ndim(a) == 1) {
        count_items(a.items->size() * b.items->size(), at);
        Items out;
        for (const Value& x : *a.items)
          for (const Value& y : *b.items) out.push_back(binary('*', x, y, at));
        return make_array(std::move(out), at);
      }
      const size_t ra = a.items->size(), rb = b.items->size();
      const size_t ca = ra ? (*a.items)[0].items->size() : 0, cb = rb ? (*b.items)[0].items->size() : 0;
      for (const Value* m : {&a, &b})
        for (const Value& r : *m->items)
          if (!is_seq(r) || r.items->size() != (m == &a ? ca : cb))
            fail(at, "E609", "the array has an inhomogeneous shape");
      count_items(ra * rb * ca * cb, at);  // each factor is within the item bound: no overflow
      Items out;
      for (size_t i = 0; i < ra; ++i)
        for (size_t k = 0; k < rb; ++k) {
          Items row;
          for (size_t j = 0; j < ca; ++j)
            for (size_t l = 0; l < cb; ++l)
              row.push_back(binary('*', (*(*a.items)[i].items)[j], (*(*b.items)[k].items)[l], at));
          out.push_back(make_array(std::move(row), at));
        }
      return make_array(std::move(out), at);
    }
    case kNpDot:
    case kNpMatmul: {
      if (args.pos.size() != 2 || !args.kw.empty()) fail(at, "E605", fname + "() takes 2 positional arguments");
      const Value &a = args.pos[0], &b = args.pos[1];
      if (fn == kNpDot && (!is_seq(a) || !is_seq(b))) {  // dot with a scalar is a product
        if (is_seq(a) || is_seq(b)) return array_binary('*', a, b, at);
        return binary('*', a, b, at);
      }
      (void)arg_node;
      return matmul(a, b, at);
    }
    default: break;
  }
  fail(at, "E603", fname + " is not read");
}

}  // namespace qvet::python
