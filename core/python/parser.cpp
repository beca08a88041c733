#include "python/parser.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>

namespace qvet::python {

namespace {

// Statements that begin with these keywords are outside the subset; the message names them.
const char* refused_statement(std::string_view k) {
  if (k == "class") return "class definitions";
  if (k == "try" || k == "except" || k == "finally") return "'try' statements";
  if (k == "yield") return "'yield'";
  if (k == "global" || k == "nonlocal") return "'global' and 'nonlocal'";
  if (k == "del") return "'del'";
  if (k == "raise") return "'raise'";
  if (k == "async" || k == "await") return "'async' code";
  return nullptr;
}

bool is_keyword(std::string_view k) {
  static const char* const kKeywords[] = {"False",  "None",   "True",    "and",      "as",       "assert", "async",
                                          "await",  "break",  "class",   "continue", "def",      "del",    "elif",
                                          "else",   "except", "finally", "for",      "from",     "global", "if",
                                          "import", "in",     "is",      "lambda",   "nonlocal", "not",    "or",
                                          "pass",   "raise",  "return",  "try",      "while",    "with",   "yield"};
  for (const char* w : kKeywords)
    if (k == w) return true;
  return false;
}

bool is_dunder(std::string_view n) { return n.size() >= 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__"; }

Node leaf(Node::Kind kind, uint32_t offset, uint32_t length) {
  Node n;
  n.kind = kind;
  n.offset = offset;
  n.length = length;
  return n;
}

}  // namespace

Parser::Parser(std::string_view src, const SourceMap& map, DiagnosticSink& sink, const Limits& limits)
    : src_(src), map_(map), sink_(sink), limits_(limits), lex_(src, map, sink) {
  advance();
}

Parser::Parser(std::string_view src, const SourceMap& map, DiagnosticSink& sink, const Limits& limits, size_t begin,
               size_t end)
    : src_(src), map_(map), sink_(sink), limits_(limits), lex_(src, map, sink, begin, end) {
  advance();
}

void Parser::advance() {
  prev_ = cur_;
  cur_ = lex_.next();
  if (cur_.kind == T::Indent) ++blocks_;
  if (cur_.kind == T::Dedent && blocks_ > 0) --blocks_;
}

void Parser::fail(const Token& at, const std::string& message, const char* code) {
  if (at.kind != T::Error) sink_.add({Severity::Error, code, message, map_.span(at.offset, at.length)});
  throw Fail{};
}

void Parser::refuse(const Token& at, const std::string& what) {
  fail(at,
       what +
           " are outside the static subset qvet reads; it reads circuit-building code as data and "
           "never runs it",
       "E603");
}

void Parser::expect_op(std::string_view op, const char* context) {
  if (!is_op(op)) {
    std::string found = cur_.kind == T::Newline ? "the end of the line"
                        : cur_.kind == T::End   ? "the end of the input"
                                                : "'" + std::string(text(cur_)) + "'";
    fail(cur_, "expected '" + std::string(op) + "' " + context + ", found " + found);
  }
  advance();
}

// Skips to the start of the next top-level statement.
void Parser::skip_statement() {
  while (cur_.kind != T::End) {
    if (cur_.kind == T::Newline) {
      advance();
      while (cur_.kind == T::Indent || cur_.kind == T::Dedent) advance();
      if (blocks_ == 0) return;
      continue;
    }
    advance();
  }
}

bool Parser::next(std::vector<Stmt>* out) {
  out->clear();
  while (cur_.kind == T::Newline || (cur_.kind == T::Dedent && blocks_ == 0)) advance();
  if (cur_.kind == T::End) return false;
  try {
    depth_ = 0;
    statement(out);
  } catch (const Fail&) {
    out->clear();
    skip_statement();
  }
  return true;
}

bool Parser::field(Node* out) {
  try {
    *out = expr_list();
    if (cur_.kind != T::Newline && cur_.kind != T::End) fail(cur_, "unexpected text in an f-string field");
    return true;
  } catch (const Fail&) {
    return false;
  }
}

void Parser::statement(std::vector<Stmt>* out) {
  if (cur_.kind == T::Indent) fail(cur_, "unexpected indentation");
  if (cur_.kind == T::Name) {
    std::string_view k = text(cur_);
    if (k == "for") {
      out->push_back(for_statement());
      return;
    }
    if (k == "while") {
      out->push_back(while_statement());
      return;
    }
    if (k == "with") {
      out->push_back(with_statement());
      return;
    }
    if (k == "if") {
      out->push_back(if_statement());
      return;
    }
    if (k == "def") {
      out->push_back(def_statement());
      return;
    }
    if (k == "elif" || k == "else") fail(cur_, "'" + std::string(k) + "' without an 'if' before it");
    if (const char* what = refused_statement(k)) refuse(cur_, what);
  }
  if (is_op("@")) refuse(cur_, "decorators");
  simple_statements(out);
}

void Parser::simple_statements(std::vector<Stmt>* out) {
  for (;;) {
    out->push_back(simple_statement());
    if (is_op(";")) {
      advance();
      if (cur_.kind == T::Newline || cur_.kind == T::End) break;
      continue;
    }
    break;
  }
  if (cur_.kind == T::End) return;
  if (cur_.kind != T::Newline) {
    if (cur_.kind == T::Name && is_keyword(text(cur_)) && text(cur_) != "True" && text(cur_) != "False" &&
        text(cur_) != "None")
      if (const char* what = refused_statement(text(cur_))) refuse(cur_, what);
    fail(cur_, "expected the end of the statement, found '" + std::string(text(cur_)) + "'");
  }
  advance();
}

Stmt Parser::simple_statement() {
  const Token first = cur_;
  if (cur_.kind == T::Name) {
    std::string_view k = text(cur_);
    if (k == "import") return import_statement();
    if (k == "from") return from_statement();
    if (k == "pass" || k == "break" || k == "continue") {
      advance();
      Stmt s;
      s.kind = k == "pass" ? Stmt::Pass : k == "break" ? Stmt::Break : Stmt::Continue;
      s.offset = first.offset;
      s.length = first.length;
      return s;
    }
    if (k == "return") {
      advance();
      Stmt s;
      s.kind = Stmt::Return;
      s.offset = first.offset;
      if (cur_.kind != T::Newline && cur_.kind != T::End && !is_op(";")) {
        s.value = expr_list();
        s.has_value = true;
      }
      s.length = prev_.offset + prev_.length - s.offset;
      return s;
    }
    if (k == "assert") {
      advance();
      Stmt s;
      s.kind = Stmt::Assert;
      s.offset = first.offset;
      s.value = expr();
      if (is_op(",")) {
        advance();
        s.targets.push_back(expr());
      }
      s.length = prev_.offset + prev_.length - s.offset;
      return s;
    }
    if (const char* what = refused_statement(k)) refuse(cur_, what);
  }
  Stmt s;
  s.offset = first.offset;
  Node lhs = expr_list();
  if (is_op(":")) refuse(cur_, "variable annotations");
  if (is_op("=")) {
    s.kind = Stmt::Assign;
    s.targets.push_back(std::move(lhs));
    while (is_op("=")) {
      advance();
      Node v = expr_list();
      if (is_op("=")) {
        s.targets.push_back(std::move(v));
      } else {
        s.value = std::move(v);
      }
    }
  } else if (cur_.kind == T::Op && text(cur_).size() >= 2 && text(cur_).back() == '=' && text(cur_) != "==" &&
             text(cur_) != "!=" && text(cur_) != "<=" && text(cur_) != ">=") {
    std::string_view op = text(cur_);
    if (op == ":=" || op == "@=") refuse(cur_, "the operator '" + std::string(op) + "'");
    s.kind = Stmt::AugAssign;
    s.op = op == "//=" ? 'F' : op == "**=" ? 'P' : op == "<<=" ? '<' : op == ">>=" ? '>' : op[0];
    advance();
    s.targets.push_back(std::move(lhs));
    s.value = expr_list();
  } else {
    s.kind = Stmt::Expr;
    s.value = std::move(lhs);
  }
  s.length = prev_.offset + prev_.length - s.offset;
  return s;
}

std::string Parser::dotted_name(uint32_t* offset, uint32_t* length) {
  if (cur_.kind != T::Name) fail(cur_, "expected a module name");
  *offset = cur_.offset;
  std::string name(text(cur_));
  if (is_dunder(name)) refuse(cur_, "dunder names (like __import__)");
  advance();
  while (is_op(".")) {
    advance();
    if (cur_.kind != T::Name) fail(cur_, "expected a name after '.'");
    name += ".";
    name += text(cur_);
    advance();
  }
  *length = prev_.offset + prev_.length - *offset;
  return name;
}

// `as NAME` after an imported name, if present; the name's span then covers it.
void Parser::alias(ImportName* n) {
  if (is_name("as")) {
    advance();
    if (cur_.kind != T::Name) fail(cur_, "expected a name after 'as'");
    n->alias = std::string(text(cur_));
    advance();
  }
  n->length = prev_.offset + prev_.length - n->offset;
}

Stmt Parser::import_statement() {
  Stmt s;
  s.kind = Stmt::Import;
  s.offset = cur_.offset;
  advance();
  for (;;) {
    ImportName n;
    n.name = dotted_name(&n.offset, &n.length);
    alias(&n);
    s.names.push_back(std::move(n));
    if (!is_op(",")) break;
    advance();
  }
  s.length = prev_.offset + prev_.length - s.offset;
  return s;
}

Stmt Parser::from_statement() {
  Stmt s;
  s.kind = Stmt::FromImport;
  s.offset = cur_.offset;
  advance();
  if (is_op(".") || is_op("...")) refuse(cur_, "relative imports");
  s.module = dotted_name(&s.module_offset, &s.module_length);
  if (!is_name("import")) fail(cur_, "expected 'import' after the module name");
  advance();
  if (is_op("*")) {  // `from qiskit import *`: the interpreter decides what it binds
    ImportName n;
    n.name = "*";
    n.offset = cur_.offset;
    n.length = 1;
    advance();
    s.names.push_back(std::move(n));
    s.length = prev_.offset + prev_.length - s.offset;
    return s;
  }
  const bool paren = is_op("(");
  if (paren) advance();
  for (;;) {
    if (cur_.kind != T::Name) fail(cur_, "expected a name to import");
    ImportName n;
    n.name = std::string(text(cur_));
    n.offset = cur_.offset;
    if (is_dunder(n.name)) refuse(cur_, "dunder names (like __import__)");
    advance();
    alias(&n);
    s.names.push_back(std::move(n));
    if (!is_op(",")) break;
    advance();
    if (paren && is_op(")")) break;
  }
  if (paren) expect_op(")", "to close the list of imported names");
  s.length = prev_.offset + prev_.length - s.offset;
  return s;
}

Stmt Parser::for_statement() {
  Stmt s;
  s.kind = Stmt::For;
  s.offset = cur_.offset;
  advance();
  Node target = binary(0);
  if (is_op(",")) {
    Node t = leaf(Node::Tuple, target.offset, 0);
    t.kids.push_back(std::move(target));
    while (is_op(",")) {
      advance();
      if (is_name("in")) break;
      t.kids.push_back(binary(0));
    }
    finish(t, t.offset);
    target = std::move(t);
  }
  s.targets.push_back(std::move(target));
  if (!is_name("in")) fail(cur_, "expected 'in' after the loop variable");
  advance();
  s.value = expr_list();
  expect_op(":", "after the 'for' header");
  s.length = prev_.offset + prev_.length - s.offset;
  block(&s.body);
  if (is_name("else")) refuse(cur_, "'for ... else'");
  return s;
}

Stmt Parser::while_statement() {
  Stmt s;
  s.kind = Stmt::While;
  s.offset = cur_.offset;
  advance();
  s.value = expr();
  expect_op(":", "after the 'while' condition");
  s.length = prev_.offset + prev_.length - s.offset;
  block(&s.body);
  if (is_name("else")) refuse(cur_, "'while ... else'");
  return s;
}

// `with EXPR [as NAME]:` with one item; what the item may be is the interpreter's to decide.
Stmt Parser::with_statement() {
  Stmt s;
  s.kind = Stmt::With;
  s.offset = cur_.offset;
  advance();
  s.value = expr();
  if (is_name("as")) {
    advance();
    if (cur_.kind != T::Name) fail(cur_, "expected a name after 'as'");
    Node t = leaf(Node::Name, cur_.offset, cur_.length);
    t.text = std::string(text(cur_));
    advance();
    s.targets.push_back(std::move(t));
  }
  if (is_op(",")) refuse(cur_, "'with' over more than one item");
  expect_op(":", "after the 'with' item");
  s.length = prev_.offset + prev_.length - s.offset;
  block(&s.body);
  return s;
}

// `if`, then any `elif`s (each an If in the orelse of the one before) and an `else`.
Stmt Parser::if_statement() {
  Stmt s;
  s.kind = Stmt::If;
  s.offset = cur_.offset;
  advance();
  s.value = expr();
  expect_op(":", "after the 'if' condition");
  s.length = prev_.offset + prev_.length - s.offset;
  block(&s.body);
  if (is_name("elif")) {
    s.orelse.push_back(if_statement());
  } else if (is_name("else")) {
    advance();
    expect_op(":", "after 'else'");
    block(&s.orelse);
  }
  return s;
}

Stmt Parser::def_statement() {
  Stmt s;
  s.kind = Stmt::Def;
  s.offset = cur_.offset;
  advance();
  if (cur_.kind != T::Name || is_keyword(text(cur_))) fail(cur_, "expected the function's name after 'def'");
  if (is_dunder(text(cur_))) refuse(cur_, "dunder names (like __init__)");
  s.name = std::string(text(cur_));
  advance();
  expect_op("(", "after the function's name");
  parameters(&s.params, &s.defaults, ")", &s);
  expect_op(")", "to close the parameter list");
  if (is_op("->")) {  // a return annotation is read and ignored, like Python ignores it
    advance();
    expr();
  }
  expect_op(":", "after the function's parameters");
  s.length = prev_.offset + prev_.length - s.offset;
  block(&s.body);
  return s;
}

// Parameter names, each with an optional default (after the first default, every one has one),
// up to `close`. Annotations are read and ignored. A def (`def_` given) may also have `*args` or a
// bare `*` (the names after it are keyword-only, each with its own optional default) and a last
// `**kwargs`; a lambda's, and the positional-only marker `/`, are refused.
void Parser::parameters(std::vector<std::string>* names, std::vector<Node>* defaults, std::string_view close,
                        Stmt* def_) {
  std::vector<std::string> seen;
  bool star = false;  // past `*` or `*args`: keyword-only names
  auto name = [&]() {
    if (cur_.kind != T::Name || is_keyword(text(cur_))) fail(cur_, "expected a parameter name");
    if (is_dunder(text(cur_))) refuse(cur_, "dunder names");
    std::string p(text(cur_));
    for (const std::string& q : seen)
      if (q == p) fail(cur_, "duplicate parameter '" + p + "'");
    seen.push_back(p);
    advance();
    if (close == ")" && is_op(":")) {  // an annotation
      advance();
      expr();
    }
    return p;
  };
  while (!is_op(close)) {
    if (def_ && !def_->varkw.empty()) fail(cur_, "a parameter cannot follow '**" + def_->varkw + "'");
    if (is_op("/") || (!def_ && (is_op("*") || is_op("**"))))
      refuse(cur_, def_ ? "the positional-only marker '/'" : "'*args', '**kwargs' and markers in a lambda");
    if (is_op("**")) {
      advance();
      def_->varkw = name();
    } else if (is_op("*")) {
      const Token at = cur_;
      if (star) fail(at, "'*' appears twice in the parameters");
      star = true;
      advance();
      if (!is_op(",") && !is_op(close)) def_->varargs = name();
      if (def_->varargs.empty() && !is_op(",")) fail(at, "named arguments must follow a bare '*'");
    } else if (star) {
      def_->kwonly.push_back(name());
      if (is_op("=")) {
        advance();
        def_->kw_defaults.push_back(expr());
      } else {
        def_->kw_defaults.push_back(leaf(Node::None, prev_.offset, 0));
      }
    } else {
      names->push_back(name());
      if (is_op("=")) {
        advance();
        defaults->push_back(expr());
      } else if (!defaults->empty()) {
        fail(prev_, "a parameter without a default cannot follow one with a default");
      }
    }
    if (!is_op(",")) break;
    advance();
  }
}

void Parser::block(std::vector<Stmt>* body) {
  if (++depth_ > limits_.max_expr_depth)
    fail(cur_, "blocks nested more than " + std::to_string(limits_.max_expr_depth) + " deep", "E407");
  if (cur_.kind != T::Newline) {  // for x in y: stmt; stmt
    simple_statements(body);
    --depth_;
    return;
  }
  advance();
  if (cur_.kind != T::Indent) fail(cur_, "expected an indented block after the header");
  const uint32_t level = blocks_;
  advance();
  while (!(cur_.kind == T::Dedent && blocks_ < level) && cur_.kind != T::End) {
    if (cur_.kind == T::Newline) {
      advance();
      continue;
    }
    statement(body);
  }
  if (cur_.kind == T::Dedent) advance();
  --depth_;
}

void Parser::finish(Node& n, uint32_t from) const { n.offset = from, n.length = prev_.offset + prev_.length - from; }

Node Parser::expr_list() {
  const uint32_t from = cur_.offset;
  Node first = expr();
  if (!is_op(",")) return first;
  Node t = leaf(Node::Tuple, from, 0);
  t.kids.push_back(std::move(first));
  while (is_op(",")) {
    advance();
    if (cur_.kind == T::Newline || cur_.kind == T::End || is_op("=") || is_op(")") || is_op(":") || is_op(";")) break;
    t.kids.push_back(expr());
  }
  finish(t, from);
  return t;
}

Node Parser::expr() {
  if (++depth_ > limits_.max_expr_depth)
    fail(cur_, "expression nested more than " + std::to_string(limits_.max_expr_depth) + " deep", "E407");
  if (cur_.kind == T::Name) {
    std::string_view k = text(cur_);
    if (k == "yield" || k == "await") refuse(cur_, "'" + std::string(k) + "' expressions");
    if (k == "lambda") {
      Node l = lambda();
      --depth_;
      return l;
    }
  }
  const uint32_t from = cur_.offset;
  Node n = or_test();
  if (is_name("if")) {  // value if condition else otherwise
    advance();
    Node cond = or_test();
    if (!is_name("else")) fail(cur_, "expected 'else' in the conditional expression");
    advance();
    Node e = leaf(Node::IfExp, from, 0);
    e.kids.push_back(std::move(n));
    e.kids.push_back(std::move(cond));
    e.kids.push_back(expr());
    finish(e, from);
    n = std::move(e);
  }
  if (is_op(":=")) refuse(cur_, "assignment expressions (':=')");
  --depth_;
  return n;
}

Node Parser::lambda() {
  const uint32_t from = cur_.offset;
  advance();  // lambda
  Node l = leaf(Node::Lambda, from, 0);
  std::vector<Node> defaults;
  parameters(&l.keywords, &defaults, ":");
  expect_op(":", "after the lambda's parameters");
  l.kids.push_back(expr());
  for (Node& d : defaults) l.kids.push_back(std::move(d));
  finish(l, from);
  return l;
}

// a or b or c, a and b: one BoolOp per operator run, as Python's tree has it.
Node Parser::bool_run(std::string_view word, char op, Node (Parser::*operand)()) {
  const uint32_t from = cur_.offset;
  Node first = (this->*operand)();
  if (!is_name(word)) return first;
  Node n = leaf(Node::BoolOp, from, 0);
  n.op = op;
  n.kids.push_back(std::move(first));
  while (is_name(word)) {
    advance();
    n.kids.push_back((this->*operand)());
  }
  finish(n, from);
  return n;
}

Node Parser::or_test() { return bool_run("or", 'o', &Parser::and_test); }
Node Parser::and_test() { return bool_run("and", 'a', &Parser::not_test); }

Node Parser::not_test() {
  if (!is_name("not")) return comparison();
  if (++depth_ > limits_.max_expr_depth)
    fail(cur_, "expression nested more than " + std::to_string(limits_.max_expr_depth) + " deep", "E407");
  const uint32_t from = cur_.offset;
  advance();
  Node n = leaf(Node::Not, from, 0);
  n.kids.push_back(not_test());
  finish(n, from);
  --depth_;
  return n;
}

// a < b <= c, x in y, x not in y, x is None, x is not None: chained as Python chains them.
Node Parser::comparison() {
  const uint32_t from = cur_.offset;
  Node first = binary(0);
  Node n = leaf(Node::Compare, from, 0);
  n.kids.push_back(std::move(first));
  for (;;) {
    std::string op;
    if (cur_.kind == T::Op) {
      std::string_view o = text(cur_);
      if (o == "<" || o == ">" || o == "==" || o == "!=" || o == "<=" || o == ">=") op = std::string(o);
      if (o == "<>") fail(cur_, "'<>' is not Python 3: write '!='");
    } else if (is_name("in")) {
      op = "in";
    } else if (is_name("is")) {
      op = "is";
    } else if (is_name("not")) {
      op = "not in";
    }
    if (op.empty()) break;
    advance();
    if (op == "not in") {
      if (!is_name("in")) fail(cur_, "expected 'in' after 'not'");
      advance();
    } else if (op == "is" && is_name("not")) {
      advance();
      op = "is not";
    }
    n.keywords.push_back(op);
    n.kids.push_back(binary(0));
  }
  if (n.kids.size() == 1) return std::move(n.kids[0]);
  finish(n, from);
  return n;
}

// {key: value, ...}; a set ({a, b}) is refused.
Node Parser::dict_display(const Token& open) {
  Node n = leaf(Node::Dict, open.offset, 0);
  advance();  // {
  while (!is_op("}")) {
    if (is_op("**")) refuse(cur_, "dictionary unpacking ('**d')");
    n.kids.push_back(expr());
    if (!is_op(":")) refuse(cur_, "sets (only dictionaries {key: value} are read)");
    advance();
    n.kids.push_back(expr());
    if (is_name("for")) refuse(cur_, "dictionary comprehensions");
    if (!is_op(",")) break;
    advance();
  }
  expect_op("}", "to close the dictionary");
  finish(n, open.offset);
  return n;
}

// Levels: | ^ & (<< >>) (+ -) (* / // % @); each left-associative.
Node Parser::binary(int level) {
  if (level == 6) return unary();
  const uint32_t from = cur_.offset;
  Node lhs = binary(level + 1);
  for (;;) {
    if (cur_.kind != T::Op) return lhs;
    std::string_view o = text(cur_);
    char op = 0;
    switch (level) {
      case 0:
        if (o == "|") op = '|';
        break;
      case 1:
        if (o == "^") op = '^';
        break;
      case 2:
        if (o == "&") op = '&';
        break;
      case 3:
        if (o == "<<")
          op = '<';
        else if (o == ">>")
          op = '>';
        break;
      case 4:
        if (o == "+" || o == "-") op = o[0];
        break;
      default:
        if (o == "*" || o == "/" || o == "%")
          op = o[0];
        else if (o == "//")
          op = 'F';
        else if (o == "@")
          op = '@';  // numpy's matrix product
        break;
    }
    if (!op) return lhs;
    advance();
    Node n = leaf(Node::Binary, from, 0);
    n.op = op;
    n.kids.push_back(std::move(lhs));
    n.kids.push_back(binary(level + 1));
    finish(n, from);
    lhs = std::move(n);
  }
}

Node Parser::unary() {
  if (cur_.kind == T::Op && (text(cur_) == "-" || text(cur_) == "+" || text(cur_) == "~")) {
    if (++depth_ > limits_.max_expr_depth)
      fail(cur_, "expression nested more than " + std::to_string(limits_.max_expr_depth) + " deep", "E407");
    const Token op = cur_;
    advance();
    Node n = leaf(Node::Unary, op.offset, 0);
    n.op = text(op)[0];
    n.kids.push_back(unary());
    finish(n, op.offset);
    --depth_;
    return n;
  }
  return power();
}

Node Parser::power() {
  const uint32_t from = cur_.offset;
  Node base = primary();
  if (!is_op("**")) return base;
  advance();
  Node n = leaf(Node::Binary, from, 0);
  n.op = 'P';
  n.kids.push_back(std::move(base));
  n.kids.push_back(unary());  // right-associative, and binds tighter than a unary minus on its left
  finish(n, from);
  return n;
}

Node Parser::identifier(const Token& t, Node::Kind kind) {
  std::string_view name = text(t);
  // `qiskit.__version__`, printed at the top of many notebooks, is the one dunder name read.
  if (is_dunder(name) && !(kind == Node::Attr && name == "__version__"))
    refuse(t, "dunder names (like __import__ or __class__)");
  Node n = leaf(kind, t.offset, t.length);
  n.text = std::string(name);
  return n;
}

Node Parser::primary() {
  const uint32_t from = cur_.offset;
  Node n = atom();
  for (;;) {
    if (is_op(".")) {
      advance();
      if (cur_.kind != T::Name) fail(cur_, "expected an attribute name after '.'");
      Node a = identifier(cur_, Node::Attr);
      a.name_offset = cur_.offset;
      advance();
      a.kids.push_back(std::move(n));
      finish(a, from);
      n = std::move(a);
    } else if (is_op("(")) {
      n = call(std::move(n));
      finish(n, from);
    } else if (is_op("[")) {
      n = subscript(std::move(n));
      finish(n, from);
    } else {
      return n;
    }
  }
}

Node Parser::call(Node callee) {
  Node n = leaf(Node::Call, callee.offset, 0);
  n.kids.push_back(std::move(callee));
  advance();  // (
  bool keywords_started = false, double_star = false;
  while (!is_op(")")) {
    const Token at = cur_;
    if (is_op("*") || is_op("**")) {  // f(*xs), f(**d): spread when the call is made
      const bool two = is_op("**");
      if (!two && double_star) fail(at, "iterable argument unpacking cannot follow keyword argument unpacking");
      advance();
      n.keywords.emplace_back(two ? "**" : "*");
      n.kids.push_back(expr());
      double_star |= two;
      keywords_started |= two;
      if (!is_op(",")) break;
      advance();
      continue;
    }
    Node arg = expr();
    if (is_op("=") && arg.kind == Node::Name) {
      advance();
      n.keywords.push_back(arg.text);
      n.kids.push_back(expr());
      keywords_started = true;
    } else {
      if (keywords_started) fail(at, "a positional argument cannot follow a keyword argument");
      if (is_name("for")) {  // sum(x for x in xs): the generator is the call's only argument
        if (n.kids.size() != 1)
          fail(cur_, "a generator expression must be parenthesized unless it is the only argument");
        arg = comprehension(std::move(arg), at.offset);
        if (!is_op(")")) fail(cur_, "a generator expression must be parenthesized unless it is the only argument");
      }
      n.keywords.emplace_back();
      n.kids.push_back(std::move(arg));
    }
    if (!is_op(",")) break;
    advance();
  }
  expect_op(")", "to close the call");
  return n;
}

Node Parser::subscript(Node object) {
  Node n = leaf(Node::Index, object.offset, 0);
  n.kids.push_back(std::move(object));
  const Token open = cur_;
  advance();  // [
  Node key;
  auto part = [&]() {
    if (is_op(":") || is_op("]")) return leaf(Node::None, cur_.offset, 0);
    return expr();
  };
  Node start = part();
  if (is_op(":")) {
    Node s = leaf(Node::Slice, start.offset, 0);
    advance();
    Node stop = part();
    Node step = leaf(Node::None, cur_.offset, 0);
    if (is_op(":")) {
      advance();
      step = part();
    }
    s.kids.push_back(std::move(start));
    s.kids.push_back(std::move(stop));
    s.kids.push_back(std::move(step));
    finish(s, open.offset + 1);
    key = std::move(s);
  } else {
    if (start.kind == Node::None) fail(cur_, "expected an index inside '[]'");
    key = std::move(start);
  }
  if (is_op(",")) refuse(cur_, "multi-dimensional indexing ('a[i, j]')");
  expect_op("]", "to close the index");
  n.kids.push_back(std::move(key));
  return n;
}

Node Parser::bracket_list(const Token& open) {
  Node n = leaf(Node::List, open.offset, 0);
  advance();  // [
  while (!is_op("]")) {
    if (is_op("*")) refuse(cur_, "unpacking ('*x') in a list");
    n.kids.push_back(expr());
    if (is_name("for")) {
      if (n.kids.size() != 1) fail(cur_, "unexpected 'for' in a list");
      Node c = comprehension(std::move(n.kids[0]), open.offset);
      expect_op("]", "to close the list comprehension");
      finish(c, open.offset);
      return c;
    }
    if (!is_op(",")) break;
    advance();
  }
  expect_op("]", "to close the list");
  finish(n, open.offset);
  return n;
}

// The clauses after a comprehension's element: `for TARGETS in ITERABLE`, then any `if COND`
// and further `for` clauses, in order (each later clause runs inside the earlier ones). The
// closing bracket is the caller's.
Node Parser::comprehension(Node element, uint32_t from) {
  Node c = leaf(Node::ListComp, from, 0);
  c.kids.push_back(std::move(element));
  while (is_name("for")) {
    advance();
    const uint32_t t_from = cur_.offset;
    Node target = binary(0);
    if (is_op(",")) {  // for i, bit in ...: a tuple target, as in a `for` statement
      Node t = leaf(Node::Tuple, t_from, 0);
      t.kids.push_back(std::move(target));
      while (is_op(",")) {
        advance();
        if (is_name("in")) break;
        t.kids.push_back(binary(0));
      }
      finish(t, t_from);
      target = std::move(t);
    }
    if (!is_name("in")) fail(cur_, "expected 'in' in the comprehension");
    advance();
    c.keywords.emplace_back("for");
    c.kids.push_back(std::move(target));
    c.keywords.emplace_back("in");
    c.kids.push_back(or_test());
    while (is_name("if")) {  // [x for x in xs if a if b]: every condition must hold
      advance();
      c.keywords.emplace_back("if");
      c.kids.push_back(or_test());
    }
  }
  finish(c, from);
  return c;
}

Node Parser::atom() {
  const Token t = cur_;
  switch (t.kind) {
    case T::Name: {
      std::string_view k = text(t);
      if (k == "True" || k == "False" || k == "None") {
        advance();
        return leaf(k == "True" ? Node::True : k == "False" ? Node::False : Node::None, t.offset, t.length);
      }
      if (k == "yield" || k == "await") refuse(t, "'" + std::string(k) + "' expressions");
      if (is_keyword(k)) fail(t, "unexpected keyword '" + std::string(k) + "'");
      Node n = identifier(t, Node::Name);
      advance();
      return n;
    }
    case T::Int: {
      std::string digits;
      for (char c : text(t))
        if (c != '_') digits += c;
      int base = 10;
      size_t skip = 0;
      if (digits.size() > 1 && digits[0] == '0' && std::isalpha(static_cast<unsigned char>(digits[1]))) {
        const char b = static_cast<char>(std::tolower(static_cast<unsigned char>(digits[1])));
        base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
        skip = 2;
      }
      errno = 0;
      char* end = nullptr;
      const unsigned long long v = std::strtoull(digits.c_str() + skip, &end, base);
      if (errno == ERANGE || v > static_cast<unsigned long long>(INT64_MAX))
        fail(t, "integer literal too large: qvet's static subset works with 64-bit integers", "E609");
      Node n = leaf(Node::Int, t.offset, t.length);
      n.ival = static_cast<int64_t>(v);
      advance();
      return n;
    }
    case T::Float: {
      std::string digits;
      for (char c : text(t))
        if (c != '_') digits += c;
      Node n = leaf(Node::Float, t.offset, t.length);
      n.fval = std::strtod(digits.c_str(), nullptr);
      advance();
      return n;
    }
    case T::Imag: {
      std::string digits;
      for (char c : text(t))
        if (c != '_' && c != 'j' && c != 'J') digits += c;
      Node n = leaf(Node::Imag, t.offset, t.length);
      n.fval = std::strtod(digits.c_str(), nullptr);
      advance();
      return n;
    }
    case T::String: return string_atom();
    case T::Op: {
      std::string_view o = text(t);
      if (o == "(") {
        advance();
        if (is_op(")")) {
          advance();
          Node n = leaf(Node::Tuple, t.offset, 0);
          finish(n, t.offset);
          return n;
        }
        Node inner = expr();
        if (is_name("for")) {  // (x for x in xs): read as the list it would give
          Node g = comprehension(std::move(inner), t.offset);
          expect_op(")", "to close the generator expression");
          finish(g, t.offset);
          return g;
        }
        if (is_op(",")) {
          Node tup = leaf(Node::Tuple, t.offset, 0);
          tup.kids.push_back(std::move(inner));
          while (is_op(",")) {
            advance();
            if (is_op(")")) break;
            tup.kids.push_back(expr());
          }
          expect_op(")", "to close the tuple");
          finish(tup, t.offset);
          return tup;
        }
        expect_op(")", "to close the parenthesis");
        return inner;
      }
      if (o == "[") return bracket_list(t);
      if (o == "{") return dict_display(t);
      if (o == "...") refuse(t, "'...' (Ellipsis)");
      break;
    }
    default: break;
  }
  if (t.kind == T::Newline || t.kind == T::End) fail(t, "expected an expression, found the end of the line");
  if (t.kind == T::Indent) fail(t, "unexpected indentation");
  fail(t, "expected an expression, found '" + std::string(text(t)) + "'");
}

Node Parser::string_atom() {
  const uint32_t from = cur_.offset;
  Node result = leaf(Node::Str, from, 0);
  bool formatted = false;
  while (cur_.kind == T::String) {
    const Token t = cur_;
    const std::string prefix = string_prefix(text(t));
    if (prefix.find('b') != std::string::npos) refuse(t, "bytes literals");
    if (prefix.find('f') != std::string::npos) {
      if (!formatted) {
        result.kind = Node::FStr;
        result.parts.push_back(result.text);
        formatted = true;
      }
      result = fstring(t, std::move(result));
    } else {
      std::string s, why;
      if (!decode_string(text(t), &s, &why)) fail(t, why, "E603");
      if (formatted)
        result.parts.back() += s;
      else
        result.text += s;
    }
    advance();
  }
  finish(result, from);
  return result;
}

// Appends an f-string's literal parts and fields to `node` (an FStr whose last part is open).
// Fields are parsed as expressions of the subset (a call in a field goes through the same
// allowlist as any other call), each with its conversion (!r, !s, !a) and its format spec, whose
// own fields ({x:{width}}) are read the same way; the interpreter formats them.
Node Parser::fstring(const Token& t, Node node) {
  std::string_view raw = text(t);
  const std::string prefix = string_prefix(raw);
  const bool is_raw = prefix.find('r') != std::string::npos;
  const size_t q = raw.size() - prefix.size() >= 6 && raw[prefix.size()] == raw[prefix.size() + 1] &&
                           raw[prefix.size() + 1] == raw[prefix.size() + 2]
                       ? 3
                       : 1;
  const size_t body_begin = t.offset + prefix.size() + q, body_end = t.offset + t.length - q;
  fstring_body(t, body_begin, body_end, is_raw, &node, false);
  return node;
}

// The literal text and fields of src[begin, end) into `node`'s parts and kids; `spec`: inside a
// format spec, where a field has no spec of its own and `{{` is not an escape.
void Parser::fstring_body(const Token& t, size_t begin, size_t end_at, bool is_raw, Node* node, bool spec) {
  size_t i = begin, lit = begin;
  auto flush = [&](size_t end) {
    std::string s, why;
    if (!unescape(src_.substr(lit, end - lit), is_raw, &s, &why)) fail(t, why, "E603");
    node->parts.back() += s;
  };
  while (i < end_at) {
    const char c = src_[i];
    if (!spec && (c == '{' || c == '}') && i + 1 < end_at && src_[i + 1] == c) {
      flush(i + 1);
      i += 2;
      lit = i;
      continue;
    }
    if (c == '}') fail(Token{T::String, static_cast<uint32_t>(i), 1}, "single '}' is not allowed in an f-string");
    if (c != '{') {
      ++i;
      continue;
    }
    flush(i);
    // The expression ends at a '}', a conversion's '!' (not a '!=') or a spec's ':' outside brackets.
    size_t end = i + 1;
    int nest = 0;
    while (end < end_at) {
      const char e = src_[end];
      if (nest == 0 && (e == '}' || e == ':' || (e == '!' && !(end + 1 < end_at && src_[end + 1] == '=')))) break;
      if (e == '(' || e == '[' || e == '{') ++nest;
      if (e == ')' || e == ']' || e == '}') --nest;
      ++end;
    }
    Token field_tok{T::String, static_cast<uint32_t>(i), static_cast<uint32_t>(end - i + 1)};
    if (end >= end_at) fail(field_tok, "unterminated field in an f-string");
    Parser sub(src_, map_, sink_, limits_, i + 1, end);
    Node value;
    if (!sub.field(&value)) throw Fail{};
    std::string conversion;
    if (src_[end] == '!') {
      if (end + 2 >= end_at || (src_[end + 1] != 'r' && src_[end + 1] != 's' && src_[end + 1] != 'a') ||
          (src_[end + 2] != ':' && src_[end + 2] != '}'))
        fail(Token{T::String, static_cast<uint32_t>(end), 2},
             "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      conversion.assign(1, src_[end + 1]);
      end += 2;
    }
    Node format = leaf(Node::None, static_cast<uint32_t>(end), 0);
    if (src_[end] == ':') {
      if (spec) refuse(field_tok, "format specs nested more than one level in an f-string");
      // The spec runs to the field's closing brace; braces inside it are fields of their own.
      size_t close = end + 1;
      int braces = 0;
      while (close < end_at && (braces > 0 || src_[close] != '}')) {
        if (src_[close] == '{') ++braces;
        if (src_[close] == '}') --braces;
        ++close;
      }
      field_tok.length = static_cast<uint32_t>(close - i + 1);
      if (close >= end_at) fail(field_tok, "unterminated field in an f-string");
      format = leaf(Node::FStr, static_cast<uint32_t>(end + 1), static_cast<uint32_t>(close - end - 1));
      format.parts.emplace_back();
      fstring_body(t, end + 1, close, is_raw, &format, true);
      if (format.kids.empty()) {  // a literal spec
        format.kind = Node::Str;
        format.text = std::move(format.parts[0]);
        format.parts.clear();
      }
      end = close;
    }
    if (src_[end] != '}') fail(field_tok, "expected '}' to close the f-string field");
    node->kids.push_back(std::move(value));
    node->kids.push_back(std::move(format));
    node->keywords.push_back(std::move(conversion));
    node->parts.emplace_back();
    i = end + 1;
    lit = i;
  }
  flush(end_at);
}

}  // namespace qvet::python
