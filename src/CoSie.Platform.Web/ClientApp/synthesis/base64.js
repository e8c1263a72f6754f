// Base64 by hand: the same code runs in the browser and in the server's JavaScript engine, which has no atob/btoa.
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const lookup = new Int16Array(128).fill(-1)
for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i

export const toBase64 = bytes => {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63]
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((i + 1 < bytes.length ? bytes[i + 1] : 0) << 8)
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=') + '='
  }
  return out
}

export const fromBase64 = text => {
  const clean = text.replace(/=+$/, '')
  if (clean.length % 4 === 1) throw new Error('malformed')
  const bytes = new Uint8Array(Math.floor(clean.length * 3 / 4))
  let bits = 0
  let value = 0
  let j = 0
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i)
    const v = code < 128 ? lookup[code] : -1
    if (v < 0) throw new Error('malformed')
    value = (value << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[j++] = (value >> bits) & 255
    }
  }
  return bytes
}
