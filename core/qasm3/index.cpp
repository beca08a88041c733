#include "qasm3/index.hpp"

#include <algorithm>
#include <unordered_map>

#include "circuit/gates.hpp"
#include "diagnostics/sink.hpp"
#include "qasm3/lexer.hpp"

namespace qvet::qasm3 {

namespace {

// A declaration's type keyword: the classical ones (qasm3/token.hpp), qubit and qreg.
bool is_type(Tok k) { return is_classical_type(k) || k == Tok::KwQubit || k == Tok::KwQreg; }

class Indexer {
 public:
  Indexer(std::string_view src, const SourceMap& map) : src_(src), lex_(src, map, sink_) {
    lex_.set_quiet(true);
    next();
  }

  SymbolIndex run() {
    while (cur_.kind != Tok::Eof) statement_token();
    std::stable_sort(out_.uses.begin(), out_.uses.end(),
                     [](const SymbolUse& a, const SymbolUse& b) { return a.offset < b.offset; });
    return std::move(out_);
  }

 private:
  void next() {
    prev_end_ = cur_.offset + cur_.length;
    cur_ = lex_.next();
  }
  std::string_view text(const Token& t) const { return lex_.text(t); }

  int32_t add(Symbol s) {
    out_.symbols.push_back(std::move(s));
    return static_cast<int32_t>(out_.symbols.size() - 1);
  }

  // Where the reading is: inside a gate's or a subroutine's braces (its symbol, and the depth at
  // which they close), whose locals come first.
  int32_t scope_ = -1;
  int depth_ = 0, scope_depth_ = 0;

  void statement_token() {
    switch (cur_.kind) {
      case Tok::KwInclude:
        next();
        if ((cur_.kind == Tok::String || cur_.kind == Tok::BitString) && cur_.length >= 2)
          out_.includes.emplace_back(text(cur_).substr(1, cur_.length - 2));
        next();
        return;
      case Tok::KwGate: gate(); return;
      case Tok::KwDef: subroutine(); return;
      case Tok::KwQreg:
      case Tok::KwCreg: old_register(); return;
      case Tok::KwConst:
      case Tok::KwInput:
      case Tok::KwOutput: {
        const Token first = cur_;
        next();
        if (is_type(cur_.kind)) typed_declaration(first);
        return;
      }
      case Tok::KwLet: {
        const Token first = cur_;
        next();
        if (cur_.kind == Tok::Id) {
          const Token name = cur_;
          declare(SymbolKind::Variable, name, first, "let", 0);
          next();
          read_to_semicolon();
        }
        return;
      }
      case Tok::KwFor: {
        const Token first = cur_;
        next();
        // for [type] name in ...: the name is the last identifier before `in`.
        Token name{};
        std::string type;
        while (cur_.kind != Tok::KwIn && cur_.kind != Tok::Eof && cur_.kind != Tok::LBrace && cur_.kind != Tok::Semi) {
          if (cur_.kind == Tok::Id)
            name = cur_;
          else if (name.length == 0)
            type += std::string(text(cur_));
          next();
        }
        if (name.length) {
          declare(SymbolKind::Variable, name, first, type.empty() ? "loop variable" : type, 0);
          pending_.clear();  // its declaration is `for ... name`
        }
        return;
      }
      case Tok::LBrace:
        ++depth_;
        next();
        return;
      case Tok::RBrace:
        --depth_;
        if (scope_ >= 0 && depth_ <= scope_depth_) close_scope(cur_.offset + cur_.length);
        next();
        return;
      default:
        if (is_type(cur_.kind)) {
          typed_declaration(cur_);
          return;
        }
        use(cur_);
        next();
    }
  }

  // A name's use: the scope's locals, then the globals, then the standard gates.
  void use(const Token& t) {
    if (t.kind != Tok::Id) return;
    const std::string name(text(t));
    int32_t sym = -1;
    if (scope_ >= 0) {
      auto it = locals_.find(name);
      if (it != locals_.end()) sym = it->second;
    }
    if (sym < 0) {
      auto it = globals_.find(name);
      if (it != globals_.end()) sym = it->second;
    }
    if (sym < 0) sym = standard(name);
    if (sym >= 0) out_.uses.push_back({t.offset, t.length, sym, false});
  }

  int32_t standard(const std::string& name) {
    const GateRow* row = find_gate_spelling(name);                // stdgates.inc's phase and cphase too
    if (!row || (row->in(kPrimitive) && name != "U")) return -1;  // OpenQASM 3 has U, not CX
    Symbol s;
    s.name = name;
    s.kind = SymbolKind::StandardGate;
    s.gate_row = row->id;
    s.num_params = row->num_params;
    s.num_qubits = row->num_qubits;
    const int32_t id = add(std::move(s));
    globals_.emplace(name, id);
    return id;
  }

  int32_t declare(SymbolKind kind, const Token& name, const Token& first, std::string type, uint64_t size) {
    Symbol s;
    s.name = std::string(text(name));
    s.kind = kind;
    s.type = std::move(type);
    s.size = size;
    s.parent = scope_;
    s.name_offset = name.offset;
    s.name_length = name.length;
    s.decl_offset = first.offset;
    s.decl_length = name.offset + name.length - first.offset;  // to the statement's end, when read
    const int32_t id = add(std::move(s));
    (scope_ >= 0 ? locals_ : globals_)[out_.symbols[static_cast<size_t>(id)].name] = id;
    out_.uses.push_back({name.offset, name.length, id, true});
    pending_.push_back(id);  // its declaration ends at the next ';'
    return id;
  }

  // The declarations whose statement is still being read: they end with it.
  std::vector<int32_t> pending_;
  void end_statement(uint32_t end) {
    for (int32_t id : pending_) {
      Symbol& s = out_.symbols[static_cast<size_t>(id)];
      s.decl_length = end - s.decl_offset;
    }
    pending_.clear();
  }

  // An integer literal's value, or 0 when the token is not one.
  uint64_t literal(const Token& t) const {
    if (t.kind != Tok::Int) return 0;
    uint64_t n = 0;
    for (char c : text(t)) {
      if (c == '_') continue;
      if (c < '0' || c > '9') return 0;  // hex, octal, binary: not worth a size here
      n = n > (UINT64_MAX - 9) / 10 ? UINT64_MAX : n * 10 + static_cast<uint64_t>(c - '0');
    }
    return n;
  }

  // TYPE[designator] NAME ...; (qubit, bit, int[32], const float x = ..., array[int[8], 4] a, ...).
  // A type followed by '(' is a cast, not a declaration.
  void typed_declaration(const Token first) {  // a copy: cur_ moves on
    const Tok type = cur_.kind;
    const uint32_t type_begin = cur_.offset;
    next();
    uint64_t size = 1;
    if (cur_.kind == Tok::LBracket) {
      int nest = 0;
      bool only = true;
      Token inner{};
      do {
        if (cur_.kind == Tok::LBracket) ++nest;
        if (cur_.kind == Tok::RBracket) --nest;
        if (nest == 1 && cur_.kind != Tok::LBracket && cur_.kind != Tok::RBracket) {
          if (inner.length) only = false;
          inner = cur_;
        }
        next();
      } while (nest > 0 && cur_.kind != Tok::Eof && cur_.kind != Tok::Semi);
      size = only ? literal(inner) : 0;
    }
    const std::string type_text(src_.substr(type_begin, prev_end_ - type_begin));
    if (cur_.kind != Tok::Id) return;  // a cast, or a broken declaration
    const Token name = cur_;
    const SymbolKind kind = type == Tok::KwQubit ? SymbolKind::QuantumRegister
                            : type == Tok::KwBit ? SymbolKind::ClassicalRegister
                                                 : SymbolKind::Variable;
    const std::string prefix = first.offset != type_begin ? std::string(text(first)) + " " : "";
    declare(kind, name, first, prefix + type_text, kind == SymbolKind::Variable ? 0 : size);
    next();
    read_to_semicolon();
  }

  // qreg NAME[N]; creg NAME[N];
  void old_register() {
    const Token kw = cur_;
    next();
    if (cur_.kind != Tok::Id) return;
    const Token name = cur_;
    next();
    uint64_t size = 1;
    if (cur_.kind == Tok::LBracket) {
      next();
      size = literal(cur_);
    }
    declare(kw.kind == Tok::KwQreg ? SymbolKind::QuantumRegister : SymbolKind::ClassicalRegister, name, kw,
            std::string(text(kw)), size);
    read_to_semicolon();
  }

  // The rest of a declaration: its initialiser's names are uses.
  void read_to_semicolon() {
    while (cur_.kind != Tok::Semi && cur_.kind != Tok::Eof && cur_.kind != Tok::LBrace && cur_.kind != Tok::RBrace) {
      use(cur_);
      next();
    }
    if (cur_.kind == Tok::Semi) {
      end_statement(cur_.offset + cur_.length);
      next();
    } else {
      end_statement(prev_end_);
    }
  }

  void open_scope(int32_t id) {
    scope_ = id;
    scope_depth_ = depth_;
  }
  void close_scope(uint32_t end) {
    Symbol& s = out_.symbols[static_cast<size_t>(scope_)];
    s.decl_length = end - s.decl_offset;
    scope_ = -1;
    locals_.clear();
  }

  int32_t local(SymbolKind kind, const Token& name, int32_t owner, std::string type) {
    Symbol s;
    s.name = std::string(text(name));
    s.kind = kind;
    s.parent = owner;
    s.type = std::move(type);
    s.name_offset = s.decl_offset = name.offset;
    s.name_length = s.decl_length = name.length;
    const int32_t id = add(std::move(s));
    locals_[out_.symbols[static_cast<size_t>(id)].name] = id;
    out_.uses.push_back({name.offset, name.length, id, true});
    Symbol& o = out_.symbols[static_cast<size_t>(owner)];
    (kind == SymbolKind::GateQubit ? o.num_qubits : o.num_params)++;
    return id;
  }

  // `gate NAME` / `def NAME`: the symbol, declared, its locals' scope empty; -1 without a name.
  int32_t begin_callable(SymbolKind kind) {
    const Token kw = cur_;
    next();
    if (cur_.kind != Tok::Id) return -1;
    Symbol s;
    s.name = std::string(text(cur_));
    s.kind = kind;
    s.name_offset = cur_.offset;
    s.name_length = cur_.length;
    s.decl_offset = kw.offset;
    const int32_t id = add(std::move(s));
    globals_[out_.symbols[static_cast<size_t>(id)].name] = id;
    out_.uses.push_back({cur_.offset, cur_.length, id, true});
    locals_.clear();
    next();
    return id;
  }

  // The body's '{': its names are the callable's until the matching '}'.
  void enter_body(int32_t id) {
    if (cur_.kind != Tok::LBrace) return;
    open_scope(id);
    ++depth_;
    next();
  }

  // gate NAME(p, ...) a, b { ... }
  void gate() {
    const int32_t id = begin_callable(SymbolKind::Gate);
    if (id < 0) return;
    if (cur_.kind == Tok::LParen) {
      next();
      while (cur_.kind != Tok::RParen && cur_.kind != Tok::Eof && cur_.kind != Tok::LBrace) {
        if (cur_.kind == Tok::Id) local(SymbolKind::GateParameter, cur_, id, "angle");
        next();
      }
      if (cur_.kind == Tok::RParen) next();
    }
    while (cur_.kind != Tok::LBrace && cur_.kind != Tok::Eof && cur_.kind != Tok::Semi) {
      if (cur_.kind == Tok::Id) local(SymbolKind::GateQubit, cur_, id, "qubit");
      next();
    }
    enter_body(id);
  }

  // def NAME(type a, qubit[2] q, ...) -> type { ... }
  void subroutine() {
    const int32_t id = begin_callable(SymbolKind::Subroutine);
    if (id < 0) return;
    if (cur_.kind == Tok::LParen) {
      next();
      uint32_t type_begin = cur_.offset;
      int nest = 0;
      while ((cur_.kind != Tok::RParen || nest > 0) && cur_.kind != Tok::Eof && cur_.kind != Tok::LBrace) {
        if (cur_.kind == Tok::LBracket) ++nest;
        if (cur_.kind == Tok::RBracket) --nest;
        if (cur_.kind == Tok::Comma && nest == 0) {
          next();
          type_begin = cur_.offset;
          continue;
        }
        // A parameter's name: an identifier at depth 0 followed by ',' or ')'.
        if (cur_.kind == Tok::Id && nest == 0) {
          const Token name = cur_;
          const std::string type(src_.substr(type_begin, name.offset > type_begin ? name.offset - type_begin : 0));
          next();
          if (cur_.kind == Tok::Comma || cur_.kind == Tok::RParen) {
            const bool quantum = type.rfind("qubit", 0) == 0 || type.rfind("qreg", 0) == 0;
            std::string t = type;
            while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
            local(quantum ? SymbolKind::GateQubit : SymbolKind::GateParameter, name, id, t);
          }
          continue;
        }
        next();
      }
      if (cur_.kind == Tok::RParen) next();
    }
    while (cur_.kind != Tok::LBrace && cur_.kind != Tok::Eof && cur_.kind != Tok::Semi) next();  // -> type
    enter_body(id);
  }

  std::string_view src_;
  DiagnosticSink sink_{0};  // the lexer's complaints are the reader's to report
  Lexer lex_;
  Token cur_;
  uint32_t prev_end_ = 0;
  SymbolIndex out_;
  std::unordered_map<std::string, int32_t> globals_, locals_;
};

}  // namespace

SymbolIndex index_symbols(std::string_view src, const SourceMap& map) { return Indexer(src, map).run(); }

}  // namespace qvet::qasm3
