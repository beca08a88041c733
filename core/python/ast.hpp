// The syntax tree of one top-level statement of the static subset. The front end parses a
// statement, evaluates it and drops it, so the tree never holds more than one statement (with its
// nested bodies) at a time; a `def` or a `lambda` keeps its own copy for later calls.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace qvet::python {

struct Value;  // value.hpp

struct Node {
  enum Kind : uint8_t {
    Name,
    Int,
    Float,
    Imag,  // an imaginary literal such as 1j: fval is its value
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
    Compare,  // kids: operands; keywords: the operators between them ("<", "in", "not in", "is not", ...)
    BoolOp,   // op 'a' (and) or 'o' (or); kids: operands
    Not,      // kids: [operand]
    IfExp,    // kids: [value, condition, otherwise]
    Lambda,   // keywords: parameters; kids: [body, defaults of the last parameters...]
    Dict,     // kids: key, value, key, value, ...
  };
  Kind kind = None;
  char op = 0;  // Unary: - + ~; Binary: + - * / % & | ^ @ <, and 'F' //, 'P' **, '<' <<, '>' >>
  uint32_t offset = 0, length = 0;
  uint32_t name_offset = 0;  // Attr: where the attribute's name starts (errors point at it)
  std::string text;          // Name and Attr: the identifier; Str: the decoded text
  int64_t ival = 0;
  double fval = 0;
  // Attr: [object]; Index: [object, key]; Slice: [start, stop, step] (None nodes when absent);
  // Call: [callee, args...]; Unary: [operand]; Binary: [lhs, rhs]; List/Tuple: elements;
  // ListComp (also a generator expression): [element, then its clauses' nodes], keywords saying
  // what each is ("for" a target, "in" its iterable, "if" a condition); FStr: per replacement
  // field its value and its format spec (a Str, an FStr for a spec with fields, or a None node of
  // length 0 when there is none), between parts.
  std::vector<Node> kids;
  // Call: one per argument, "" for a positional one, "*" for *xs and "**" for **d;
  // FStr: one per field, its conversion ("", "r", "s" or "a"); ListComp: see kids.
  std::vector<std::string> keywords;
  std::vector<std::string> parts;  // FStr: literal text around the fields (fields + 1 parts)
  // Name, at module level: the global it read or wrote last, valid while the interpreter's
  // generation is `slot_generation` (see Interpreter::global_slot), so that a loop's names are
  // not hashed again on every iteration.
  mutable Value* slot = nullptr;
  mutable uint64_t slot_generation = 0;
  // Attr, as a circuit method's callee: the gate table's row for its name (a GateRow, or null for
  // a method that is not a gate), looked up once (Interpreter::circuit_method).
  mutable const void* gate_method = nullptr;
  mutable bool gate_method_known = false;
};

struct ImportName {
  std::string name, alias;  // alias is empty when there is no `as`
  uint32_t offset = 0, length = 0;
};

struct Stmt {
  enum Kind : uint8_t {
    Expr,
    Assign,
    AugAssign,
    For,
    Import,
    FromImport,
    Pass,
    Def,
    Return,
    If,
    While,
    Break,
    Continue,
    Assert,
    With,  // `with EXPR [as NAME]:`, for Qiskit's control-flow builders (if_test, for_loop, ...)
  };
  Kind kind = Pass;
  uint32_t offset = 0, length = 0;
  std::vector<Node> targets;        // Assign: one per `=`; AugAssign and For: one; Assert: [message] if given;
                                    // With: [the `as` name] if given
  Node value;                       // Expr, Assign, AugAssign, Return, With: the value; For: the iterable;
                                    // If, While, Assert: the condition
  bool has_value = false;           // Return: a value was given (else it returns None)
  char op = 0;                      // AugAssign: as Node::op
  std::vector<Stmt> body;           // For, While, If, Def, With
  std::vector<Stmt> orelse;         // If: the `elif`/`else` branch (an `elif` is an If inside it)
  std::string name;                 // Def: the function's name
  std::vector<std::string> params;  // Def: the parameters before any `*`
  std::vector<Node> defaults;       // Def: the defaults of the last parameters
  std::string varargs, varkw;       // Def: the names of `*args` and `**kwargs`, empty when absent
  std::vector<std::string> kwonly;  // Def: the keyword-only parameters (after `*` or `*args`)
  std::vector<Node> kw_defaults;    // Def: one per kwonly, a None node of length 0 where none is given
  std::string module;               // Import / FromImport
  uint32_t module_offset = 0, module_length = 0;
  std::vector<ImportName> names;
};

}  // namespace qvet::python
