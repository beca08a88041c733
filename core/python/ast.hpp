// The syntax tree of one top-level statement of the static subset. The front end parses a
// statement, evaluates it and drops it, so the tree never holds more than one statement (with its
// nested loop bodies) at a time.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace qvet::python {

struct Node {
  enum Kind : uint8_t {
    Name,
    Int,
    Float,
    Str,
    FStr,
    True,
    False,
    None,
    List,
    Tuple,
    Attr,
    Index,
    Slice,
    Call,
    Unary,
    Binary,
    ListComp,
  };
  Kind kind = None;
  char op = 0;  // Unary: - + ~; Binary: + - * / % & | ^ <, and 'F' //, 'P' **, '<' <<, '>' >>
  uint32_t offset = 0, length = 0;
  uint32_t name_offset = 0;  // Attr: where the attribute's name starts (errors point at it)
  std::string text;          // Name and Attr: the identifier; Str: the decoded text
  int64_t ival = 0;
  double fval = 0;
  // Attr: [object]; Index: [object, key]; Slice: [start, stop, step] (None nodes when absent);
  // Call: [callee, args...]; Unary: [operand]; Binary: [lhs, rhs]; List/Tuple: elements;
  // ListComp: [element, target, iterable]; FStr: the replacement fields, between parts.
  std::vector<Node> kids;
  std::vector<std::string> keywords;  // Call: one per argument, "" for a positional one
  std::vector<std::string> parts;     // FStr: literal text around the fields (fields + 1 parts)
};

struct ImportName {
  std::string name, alias;  // alias is empty when there is no `as`
  uint32_t offset = 0, length = 0;
};

struct Stmt {
  enum Kind : uint8_t { Expr, Assign, AugAssign, For, Import, FromImport, Pass };
  Kind kind = Pass;
  uint32_t offset = 0, length = 0;
  std::vector<Node> targets;  // Assign: one per `=`; AugAssign and For: one
  Node value;                 // Expr, Assign, AugAssign: the value; For: the iterable
  char op = 0;                // AugAssign: as Node::op
  std::vector<Stmt> body;     // For
  std::string module;         // Import / FromImport
  uint32_t module_offset = 0, module_length = 0;
  std::vector<ImportName> names;
};

}  // namespace qvet::python
