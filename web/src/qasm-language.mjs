// OpenQASM 2 and 3 syntax highlighting for CodeMirror: small stream tokenizers.
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

// OpenQASM 3: its keywords and types, block comments, durations, physical qubits, modifiers.
const keywords3 = new Set([
  'OPENQASM', 'include', 'defcalgrammar', 'def', 'cal', 'defcal', 'gate', 'extern', 'box', 'let', 'break',
  'continue', 'if', 'else', 'end', 'return', 'for', 'while', 'in', 'switch', 'case', 'default', 'input', 'output',
  'const', 'readonly', 'mutable', 'qreg', 'qubit', 'creg', 'measure', 'reset', 'barrier', 'delay', 'gphase', 'inv',
  'pow', 'ctrl', 'negctrl', 'durationof', 'sizeof', 'pragma',
]);
const types3 = new Set(['bool', 'bit', 'int', 'uint', 'float', 'angle', 'complex', 'array', 'void', 'duration', 'stretch']);
const builtins3 = new Set(['U', 'pi', 'tau', 'euler', 'π', 'τ', 'ℇ', 'true', 'false', 'sin', 'cos', 'tan', 'exp', 'log',
  'sqrt', 'arccos', 'arcsin', 'arctan', 'ceiling', 'floor', 'mod', 'popcount', 'rotl', 'rotr', 'real', 'imag']);

export const qasm3 = StreamLanguage.define({
  name: 'openqasm3',
  startState: () => ({ inComment: false }),
  token(stream, state) {
    if (state.inComment) {
      if (stream.skipTo('*/')) {
        stream.match('*/');
        state.inComment = false;
      } else {
        stream.skipToEnd();
      }
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      state.inComment = true;
      return 'comment';
    }
    if (stream.match(/^#pragma.*/) || stream.match(/^@[A-Za-z_][\w.]*.*/)) return 'meta';
    if (stream.match(/^"[^"]*"?/) || stream.match(/^'[^']*'?/)) return 'string';
    if (stream.match(/^\$\d+/)) return 'variableName.special';
    if (stream.match(/^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+)/)) return 'number';
    if (stream.match(/^(\d[\d_]*\.[\d_]*|\.\d[\d_]*|\d[\d_]*)([eE][-+]?\d+)?(\s*(dt|ns|us|µs|ms|s|im)\b)?/)) return 'number';
    if (stream.match(/^[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/)) {
      const word = stream.current();
      if (keywords3.has(word)) return 'keyword';
      if (types3.has(word)) return 'typeName';
      if (builtins3.has(word)) return 'atom';
      return stream.match(/^\s*[(\[]/, false) && !stream.match(/^\s*\[/, false) ? 'variableName.function' : 'variableName';
    }
    if (stream.match(/^(->|==|!=|<=|>=|<<|>>|\+\+|\*\*|&&|\|\||[-+*\/%&|^~!<>=@])/)) return 'operator';
    stream.next();
    return 'punctuation';
  },
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
});
