// The fixed sections of a synthesis, each a Y.Text of this name in the one document (Features/Synthesis/SynthesisSections.cs).
export const sections = ['agree', 'differ', 'questions', 'try']

// The smallest change that turns one text into another: a common start and end are kept, the middle replaced. A
// surrogate pair is never cut in two.
export const diff = (before, after) => {
  let start = 0
  const shorter = Math.min(before.length, after.length)
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--
  let end = 0
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) }
}

const isHighSurrogate = c => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = c => c >= 0xdc00 && c <= 0xdfff
