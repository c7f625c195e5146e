/**
 * Finds where JSON text first goes wrong, for the message a lead sees. Engines' JSON.parse errors differ and (in V8
 * today) often name no position; this scanner follows RFC 8259 and reports the offset and what was expected there.
 * Only called after JSON.parse failed, on text whose nesting the caller already bounded.
 */

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (message: string): JsonSyntaxError => ({ offset: i, message });
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? 'the end of the file' : `"${text[i]}"`);

  const value = (): JsonSyntaxError | null => {
    skipSpace();
    const char = text[i];
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === '"') return string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    return fail(`expected a value, found ${describe()}`);
  };

  const object = (): JsonSyntaxError | null => {
    i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return null;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') return fail(`expected a quoted member name, found ${describe()}`);
      const key = string();
      if (key) return key;
      skipSpace();
      if (text[i] !== ':') return fail(`expected ":" after the member name, found ${describe()}`);
      i++;
      const inner = value();
      if (inner) return inner;
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return null;
      }
      return fail(`expected "," or "}", found ${describe()}`);
    }
  };

  const array = (): JsonSyntaxError | null => {
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return null;
    }
    for (;;) {
      const inner = value();
      if (inner) return inner;
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return null;
      }
      return fail(`expected "," or "]", found ${describe()}`);
    }
  };

  const string = (): JsonSyntaxError | null => {
    i++;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return null;
      }
      if (code < 0x20) return fail('a line break or control character inside a string must be escaped (\\n, \\t, …)');
      if (code === 0x5c) {
        const escape = text[i + 1];
        if (escape === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return fail('"\\u" must be followed by four hex digits');
          i += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          i += 2;
        } else {
          return fail(`"\\${escape ?? ''}" is not a JSON escape`);
        }
        continue;
      }
      i++;
    }
    return fail('a string is never closed with a quote');
  };

  const number = (): JsonSyntaxError | null => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return fail('not a valid number');
    i += match[0].length;
    return null;
  };

  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  i = start;
  const problem = value();
  if (problem) return problem;
  skipSpace();
  return i < text.length ? fail(`unexpected ${describe()} after the end of the JSON value`) : null;
}
