#include "qasm2/index.hpp"

#include <algorithm>
#include <unordered_map>

#include "circuit/gates.hpp"
#include "diagnostics/sink.hpp"
#include "qasm2/lexer.hpp"

namespace qvet::qasm2 {

namespace {

class Indexer {
 public:
  Indexer(std::string_view src, const SourceMap& map) : lex_(src, map, sink_) { next(); }

  SymbolIndex run() {
    while (cur_.kind != Tok::Eof) {
      switch (cur_.kind) {
        case Tok::KwQreg:
        case Tok::KwCreg: declare_register(); break;
        case Tok::KwGate:
        case Tok::KwOpaque: declare_gate(); break;
        case Tok::KwInclude:
          next();
          if (cur_.kind == Tok::String && cur_.length >= 2)
            out_.includes.emplace_back(text(cur_).substr(1, cur_.length - 2));
          break;
        default: use(cur_, -1); next();
      }
    }
    // In source order already (tokens are read in order); kept so for the service's binary search.
    std::stable_sort(out_.uses.begin(), out_.uses.end(),
                     [](const SymbolUse& a, const SymbolUse& b) { return a.offset < b.offset; });
    return std::move(out_);
  }

 private:
  void next() { cur_ = lex_.next(); }
  std::string_view text(const Token& t) const { return lex_.text(t); }

  int32_t add(Symbol s) {
    out_.symbols.push_back(std::move(s));
    return static_cast<int32_t>(out_.symbols.size() - 1);
  }

  // An identifier, U or CX outside a declaration: the name it refers to, if any. `gate` >= 0:
  // inside that gate's declaration, where its parameters and qubits come first.
  void use(const Token& t, int32_t gate) {
    if (t.kind != Tok::Id && t.kind != Tok::KwU && t.kind != Tok::KwCX) return;
    const std::string_view name = text(t);
    int32_t sym = -1;
    if (gate >= 0) {
      auto it = locals_.find(std::string(name));
      if (it != locals_.end()) sym = it->second;
    }
    if (sym < 0) {
      auto it = globals_.find(std::string(name));
      if (it != globals_.end()) sym = it->second;
    }
    if (sym < 0) sym = standard(name);
    if (sym >= 0) out_.uses.push_back({t.offset, t.length, sym, false});
  }

  // A gate of the table (U, CX, or qelib1.inc's), given a symbol the first time it is used.
  int32_t standard(std::string_view name) {
    const GateRow* row = find_gate(name, kQasm2 | kPrimitive);
    if (!row) return -1;
    Symbol s;
    s.name = std::string(name);
    s.kind = SymbolKind::StandardGate;
    s.gate_row = row->id;
    s.num_params = row->num_params;
    s.num_qubits = row->num_qubits;
    const int32_t id = add(std::move(s));
    globals_.emplace(out_.symbols[static_cast<size_t>(id)].name, id);
    return id;
  }

  void declare(int32_t id, const Token& name, std::unordered_map<std::string, int32_t>& scope) {
    Symbol& s = out_.symbols[static_cast<size_t>(id)];
    s.name_offset = name.offset;
    s.name_length = name.length;
    scope[s.name] = id;  // a second declaration of a name: later uses mean the latest
    out_.uses.push_back({name.offset, name.length, id, true});
  }

  // qreg NAME[N]; / creg NAME[N];
  void declare_register() {
    const Token kw = cur_;
    next();
    if (cur_.kind != Tok::Id) return;
    const Token name = cur_;
    Symbol s;
    s.name = std::string(text(name));
    s.kind = kw.kind == Tok::KwQreg ? SymbolKind::QuantumRegister : SymbolKind::ClassicalRegister;
    next();
    if (cur_.kind == Tok::LBracket) {
      next();
      if (cur_.kind == Tok::Int) {
        uint64_t n = 0;
        for (char c : text(cur_)) n = n > (UINT64_MAX - 9) / 10 ? UINT64_MAX : n * 10 + static_cast<uint64_t>(c - '0');
        s.size = n;
        next();
      }
    }
    uint32_t end = cur_.offset + cur_.length;
    while (cur_.kind != Tok::Semi && cur_.kind != Tok::Eof && cur_.kind != Tok::KwQreg && cur_.kind != Tok::KwCreg &&
           cur_.kind != Tok::KwGate) {
      end = cur_.offset + cur_.length;
      next();
    }
    if (cur_.kind == Tok::Semi) {
      end = cur_.offset + cur_.length;
      next();
    }
    s.decl_offset = kw.offset;
    s.decl_length = end - kw.offset;
    declare(add(std::move(s)), name, globals_);
  }

  // gate NAME(p, ...) a, b { body } / opaque NAME(p, ...) a, b;
  void declare_gate() {
    const Token kw = cur_;
    next();
    if (cur_.kind != Tok::Id) return;
    const Token name = cur_;
    Symbol g;
    g.name = std::string(text(name));
    g.kind = kw.kind == Tok::KwGate ? SymbolKind::Gate : SymbolKind::Opaque;
    const int32_t id = add(std::move(g));
    declare(id, name, globals_);
    locals_.clear();
    next();
    auto local = [&](SymbolKind kind) {
      Symbol s;
      s.name = std::string(text(cur_));
      s.kind = kind;
      s.parent = id;
      const int32_t k = add(std::move(s));
      Symbol& stored = out_.symbols[static_cast<size_t>(k)];
      stored.name_offset = cur_.offset;
      stored.name_length = cur_.length;
      locals_[std::string(text(cur_))] = k;
      out_.uses.push_back({cur_.offset, cur_.length, k, true});
      Symbol& gate = out_.symbols[static_cast<size_t>(id)];
      (kind == SymbolKind::GateParameter ? gate.num_params : gate.num_qubits)++;
    };
    if (cur_.kind == Tok::LParen) {
      next();
      while (cur_.kind != Tok::RParen && cur_.kind != Tok::Eof && cur_.kind != Tok::LBrace && cur_.kind != Tok::Semi) {
        if (cur_.kind == Tok::Id) local(SymbolKind::GateParameter);
        next();
      }
      if (cur_.kind == Tok::RParen) next();
    }
    while (cur_.kind != Tok::LBrace && cur_.kind != Tok::Semi && cur_.kind != Tok::Eof && cur_.kind != Tok::KwGate) {
      if (cur_.kind == Tok::Id) local(SymbolKind::GateQubit);
      next();
    }
    uint32_t end = cur_.offset + cur_.length;
    if (cur_.kind == Tok::LBrace) {
      next();
      while (cur_.kind != Tok::RBrace && cur_.kind != Tok::Eof && cur_.kind != Tok::KwGate &&
             cur_.kind != Tok::KwQreg && cur_.kind != Tok::KwCreg) {
        use(cur_, id);
        end = cur_.offset + cur_.length;
        next();
      }
      if (cur_.kind == Tok::RBrace) {
        end = cur_.offset + cur_.length;
        next();
      }
    } else if (cur_.kind == Tok::Semi) {
      next();
    }
    Symbol& gate = out_.symbols[static_cast<size_t>(id)];
    gate.decl_offset = kw.offset;
    gate.decl_length = end - kw.offset;
    locals_.clear();
  }

  DiagnosticSink sink_{0};  // the lexer's complaints are the parser's to report
  Lexer lex_;
  Token cur_;
  SymbolIndex out_;
  std::unordered_map<std::string, int32_t> globals_;
  std::unordered_map<std::string, int32_t> locals_;
};

}  // namespace

SymbolIndex index_symbols(std::string_view src, const SourceMap& map) { return Indexer(src, map).run(); }

}  // namespace qvet::qasm2
