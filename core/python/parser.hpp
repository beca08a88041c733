// Parser for the static subset of Python: one top-level statement at a time (see ast.hpp).
// Anything outside the subset is refused here, at its own line and column, with E603: the
// construct is never represented in the tree, so nothing downstream can evaluate it.
#pragma once
#include <string_view>
#include <vector>

#include "diagnostics/sink.hpp"
#include "python/ast.hpp"
#include "python/lexer.hpp"
#include "qvet/options.hpp"
#include "source/source_map.hpp"

namespace qvet::python {

class Parser {
 public:
  Parser(std::string_view src, const SourceMap& map, DiagnosticSink& sink, const Limits& limits);
  // An f-string field's parser: one expression in src[begin, end).
  Parser(std::string_view src, const SourceMap& map, DiagnosticSink& sink, const Limits& limits, size_t begin,
         size_t end);

  // The statements of the next top-level line or compound statement (a line may hold several,
  // separated by `;`). Returns false at the end of input. A statement with an error is reported
  // and skipped, so *out may be empty.
  bool next(std::vector<Stmt>* out);
  // For an f-string field: parses one expression up to the end; false after an error.
  bool field(Node* out);

 private:
  struct Fail {};  // thrown inside the parser only, caught in next(): skips the statement

  void advance();
  bool is_op(std::string_view op) const { return cur_.kind == T::Op && text(cur_) == op; }
  bool is_name(std::string_view n) const { return cur_.kind == T::Name && text(cur_) == n; }
  std::string_view text(const Token& t) const { return lex_.text(t); }
  void expect_op(std::string_view op, const char* context);
  [[noreturn]] void fail(const Token& at, const std::string& message, const char* code = "E601");
  [[noreturn]] void refuse(const Token& at, const std::string& what);
  void skip_statement();

  void statement(std::vector<Stmt>* out);
  void simple_statements(std::vector<Stmt>* out);
  Stmt simple_statement();
  Stmt import_statement();
  Stmt from_statement();
  Stmt for_statement();
  Stmt while_statement();
  Stmt with_statement();
  Stmt if_statement();
  Stmt def_statement();
  void parameters(std::vector<std::string>* names, std::vector<Node>* defaults, std::string_view close,
                  Stmt* def_ = nullptr);
  void block(std::vector<Stmt>* body);
  std::string dotted_name(uint32_t* offset, uint32_t* length);
  void alias(ImportName* n);

  Node expr_list();  // a, b, c  -> a Tuple when there is a comma
  Node expr();       // Python's `test`: a conditional expression, a lambda, or an or-expression
  Node bool_run(std::string_view word, char op, Node (Parser::*operand)());
  Node or_test();
  Node and_test();
  Node not_test();
  Node comparison();
  Node lambda();
  Node dict_display(const Token& open);
  Node binary(int level);
  Node unary();
  Node power();
  Node primary();
  Node atom();
  Node string_atom();
  Node fstring(const Token& t, Node node);
  void fstring_body(const Token& t, size_t begin, size_t end_at, bool is_raw, Node* node, bool spec);
  Node call(Node callee);
  Node subscript(Node object);
  Node bracket_list(const Token& open);
  Node comprehension(Node element, uint32_t from);
  Node identifier(const Token& t, Node::Kind kind);
  void finish(Node& n, uint32_t from) const;

  std::string_view src_;
  const SourceMap& map_;
  DiagnosticSink& sink_;
  const Limits& limits_;
  Lexer lex_;
  Token cur_, prev_;
  uint32_t depth_ = 0;   // expression and block nesting: bounds the recursion
  uint32_t blocks_ = 0;  // INDENTs minus DEDENTs seen: 0 at a top-level statement
};

}  // namespace qvet::python
