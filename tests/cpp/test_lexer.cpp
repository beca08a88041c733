// The lexer: token kinds and ranges, numbers, comments, and bytes that are not tokens.
#include <catch2/catch.hpp>
#include <vector>

#include "helpers.hpp"
#include "qasm2/lexer.hpp"
#include "source/source_map.hpp"

using qvet::DiagnosticSink;
using qvet::SourceMap;
using qvet::qasm2::Lexer;
using qvet::qasm2::Tok;

namespace {
std::vector<Tok> kinds(const std::string& src, DiagnosticSink* sink_out = nullptr) {
  SourceMap map(src);
  DiagnosticSink sink(100);
  Lexer lex(src, map, sink);
  std::vector<Tok> out;
  for (;;) {
    auto t = lex.next();
    out.push_back(t.kind);
    if (t.kind == Tok::Eof) break;
  }
  if (sink_out) *sink_out = sink;
  return out;
}
}  // namespace

TEST_CASE("keywords, identifiers and punctuation", "[lexer]") {
  CHECK(kinds("OPENQASM 2.0; include \"qelib1.inc\";") ==
        std::vector<Tok>{Tok::KwOpenqasm, Tok::Real, Tok::Semi, Tok::KwInclude, Tok::String, Tok::Semi, Tok::Eof});
  CHECK(kinds("measure q[0] -> c[0];") == std::vector<Tok>{Tok::KwMeasure, Tok::Id, Tok::LBracket, Tok::Int,
                                                           Tok::RBracket, Tok::Arrow, Tok::Id, Tok::LBracket, Tok::Int,
                                                           Tok::RBracket, Tok::Semi, Tok::Eof});
  CHECK(kinds("if(c==1) U CX pi sin cos tan exp ln sqrt qubits_2") ==
        std::vector<Tok>{Tok::KwIf, Tok::LParen, Tok::Id, Tok::EqEq, Tok::Int, Tok::RParen, Tok::KwU, Tok::KwCX,
                         Tok::KwPi, Tok::KwSin, Tok::KwCos, Tok::KwTan, Tok::KwExp, Tok::KwLn, Tok::KwSqrt, Tok::Id,
                         Tok::Eof});
  CHECK(kinds("+ - * / ^ { } ,") == std::vector<Tok>{Tok::Plus, Tok::Minus, Tok::Star, Tok::Slash, Tok::Caret,
                                                     Tok::LBrace, Tok::RBrace, Tok::Comma, Tok::Eof});
}

TEST_CASE("numbers: integers, reals, exponents", "[lexer]") {
  CHECK(kinds("42") == std::vector<Tok>{Tok::Int, Tok::Eof});
  CHECK(kinds("3.14 .5 5. 1e3 1.5E-3 2e+2") ==
        std::vector<Tok>{Tok::Real, Tok::Real, Tok::Real, Tok::Real, Tok::Real, Tok::Real, Tok::Eof});
  DiagnosticSink sink(10);
  CHECK(kinds("1e", &sink).front() == Tok::Invalid);
  CHECK(sink.has_errors());
  CHECK(kinds("12abc").front() == Tok::Invalid);
}

TEST_CASE("comments and whitespace are skipped, and token ranges point into the source", "[lexer]") {
  std::string src = "// header\n  qreg // trailing\n\tq";
  SourceMap map(src);
  DiagnosticSink sink(10);
  Lexer lex(src, map, sink);
  auto t = lex.next();
  CHECK(t.kind == Tok::KwQreg);
  CHECK(t.offset == 12);
  CHECK(t.length == 4);
  auto q = lex.next();
  CHECK(lex.text(q) == "q");
  auto span = map.span(q.offset, q.length);
  CHECK(span.line == 3);
  CHECK(span.column == 2);
  CHECK(lex.next().kind == Tok::Eof);
  CHECK_FALSE(sink.has_errors());
}

TEST_CASE("bytes that are not tokens give one error each", "[lexer]") {
  DiagnosticSink sink(10);
  CHECK(kinds(std::string("a\0b", 3), &sink) == std::vector<Tok>{Tok::Id, Tok::Invalid, Tok::Id, Tok::Eof});
  REQUIRE(sink.items().size() == 1);
  CHECK(sink.items()[0].code == "E101");
  CHECK(sink.items()[0].message.find("NUL") != std::string::npos);
  DiagnosticSink sink2(10);
  CHECK(kinds("h \xC3\xA9;", &sink2) == std::vector<Tok>{Tok::Id, Tok::Invalid, Tok::Semi, Tok::Eof});
  CHECK(sink2.items().size() == 1);
  DiagnosticSink sink3(10);
  CHECK(kinds("\"open", &sink3).front() == Tok::Invalid);
  CHECK(sink3.items()[0].message.find("unterminated string") != std::string::npos);
  DiagnosticSink sink4(10);
  CHECK(kinds("/* x */", &sink4).front() == Tok::Invalid);
  CHECK(sink4.items()[0].message.find("block comments") != std::string::npos);
}

TEST_CASE("columns count code points, not bytes", "[lexer]") {
  std::string src = "// \xC3\xA9t\xC3\xA9\nx \xE2\x82\xAC";  // "// été" then "x €"
  SourceMap map(src);
  CHECK(map.span(src.size() - 3, 3).column == 3);
  CHECK(qvet::find_invalid_utf8(src) == std::string::npos);
  CHECK(qvet::find_invalid_utf8("ok\xC3(") == 2);
  CHECK(qvet::find_invalid_utf8("\xED\xA0\x80") == 0);  // a UTF-16 surrogate
  CHECK(qvet::find_invalid_utf8("\xC0\xAF") == 0);      // overlong '/'
}

TEST_CASE("Qiskit's lexical rules: lowercase names, no leading zeros", "[lexer]") {
  using qvet::test::find;
  using qvet::test::prog;
  qvet::Report caps = qvet::validate(prog("qreg Q[1];\n"));
  REQUIRE(find(caps, "E101"));
  CHECK(find(caps, "E101")->message.find("capital letter") != std::string::npos);
  CHECK(find(caps, "E101")->span.column == 6);
  qvet::Report under = qvet::validate(prog("qreg _q[1];\n"));
  REQUIRE(find(under, "E101"));
  CHECK(find(under, "E101")->message.find("lowercase") != std::string::npos);
  qvet::Report zeros = qvet::validate(prog("qreg q[2];\nx q[01];\n"));
  REQUIRE(find(zeros, "E101"));
  CHECK(find(zeros, "E101")->message.find("leading zeros") != std::string::npos);
  CHECK(qvet::validate(prog("qreg q[10];\nx q[0];\nrz(0.05) q[0];\nrz(00.5) q[0];\n")).valid);
  qvet::Report single = qvet::validate("OPENQASM 2.0;\ninclude 'qelib1.inc';\nqreg q[1];\nh q[0];\n");
  CHECK(single.valid);
  CHECK(find(single, "W104"));
}
