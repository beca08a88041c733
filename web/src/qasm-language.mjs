// OpenQASM 2 syntax highlighting for CodeMirror: a small stream tokenizer.
import { StreamLanguage } from '@codemirror/language';

const keywords = new Set(['OPENQASM', 'include', 'qreg', 'creg', 'gate', 'opaque', 'measure', 'reset', 'barrier', 'if']);
const builtins = new Set(['U', 'CX', 'pi', 'sin', 'cos', 'tan', 'exp', 'ln', 'sqrt']);

export const qasm2 = StreamLanguage.define({
  name: 'openqasm2',
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(/^"[^"]*"?/) || stream.match(/^'[^']*'?/)) return 'string';
    if (stream.match(/^(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?/)) return 'number';
    if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*/)) {
      const word = stream.current();
      if (keywords.has(word)) return 'keyword';
      if (builtins.has(word)) return 'atom';
      return stream.match(/^\s*[(\[]/, false) && !stream.match(/^\s*\[/, false) ? 'variableName.function' : 'variableName';
    }
    if (stream.match('->') || stream.match('==')) return 'operator';
    stream.next();
    return 'punctuation';
  },
  languageData: { commentTokens: { line: '//' } },
});
