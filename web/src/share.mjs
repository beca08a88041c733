// Share by URL: the circuit travels in the fragment (never sent to a server), as base64url UTF-8.
export function encode(text) {
  const bytes = new TextEncoder().encode(text);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decode(fragment) {
  const m = /(?:^#|&)code=([A-Za-z0-9_-]*)/.exec(fragment);
  if (!m) return null;
  try {
    const s = atob(m[1].replaceAll('-', '+').replaceAll('_', '/'));
    return new TextDecoder().decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
