// What the server asks of Yjs (Features/Synthesis/YjsRuntime.cs runs this inside Jint): merge a client's update into
// the stored document, apply a plain-text edit made without JavaScript, and read the document as text. Every answer is
// a JSON string; bytes travel as Base64.
import * as Y from 'yjs'
import { toBase64, fromBase64 } from './base64.js'
import { sections, diff } from './sections.js'

// Deleted text is kept (no garbage collection) so that an edit made without JavaScript can be placed against the
// document as its author saw it (a snapshot), and merge with what others wrote since.
const load = stateBase64 => {
  const doc = new Y.Doc({ gc: false })
  if (stateBase64) Y.applyUpdate(doc, fromBase64(stateBase64))
  return doc
}

const textsOf = doc => Object.fromEntries(sections.map(name => [name, doc.getText(name).toString()]))

const lengthOf = doc => sections.reduce((sum, name) => sum + doc.getText(name).length, 0)

const answer = (doc, extra) => JSON.stringify({
  state: toBase64(Y.encodeStateAsUpdate(doc)),
  snapshot: toBase64(Y.encodeSnapshot(Y.snapshot(doc))),
  texts: textsOf(doc),
  ...extra
})

const refuse = error => JSON.stringify({ error })

// The clients whose items an update carries, and the root names it writes into: the server checks both before it
// applies anything.
const inspect = update => {
  const { structs } = Y.decodeUpdate(update)
  const clients = new Set()
  const roots = new Set()
  for (const struct of structs) {
    clients.add(struct.id.client)
    if (typeof struct.parent === 'string') roots.add(struct.parent)
    if (struct.parentSub) roots.add('')
  }
  return { clients: [...clients], roots: [...roots] }
}

const touched = (doc, transaction) => sections.filter(name => {
  const type = doc.getText(name)
  return transaction.changed.has(type) || transaction.changedParentTypes.has(type)
})

export const merge = (stateBase64, updateBase64, maxLength) => {
  let update
  let seen
  try {
    update = fromBase64(updateBase64)
    seen = inspect(update)
  } catch {
    return refuse('malformed')
  }
  if (seen.roots.some(root => !sections.includes(root))) return refuse('unknown-section')
  const doc = load(stateBase64)
  sections.forEach(name => doc.getText(name))
  let changed = []
  doc.on('afterTransaction', transaction => { changed = changed.concat(touched(doc, transaction)) })
  try {
    Y.applyUpdate(doc, update)
  } catch {
    return refuse('malformed')
  }
  // An update that needs items the server never had cannot be placed: the client syncs again instead.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return refuse('missing-history')
  if ([...doc.share.keys()].some(key => !sections.includes(key))) return refuse('unknown-section')
  for (const name of sections) {
    if (doc.getText(name).toDelta().some(op => typeof op.insert !== 'string' || op.attributes)) return refuse('not-text')
  }
  if (lengthOf(doc) > maxLength) return refuse('too-long')
  return answer(doc, { sections: [...new Set(changed)], clients: seen.clients })
}

// A whole section's text as submitted by a form: the change from the text the author saw (the snapshot the page was
// rendered with) is found, and applied to the document as it is now, so that what others wrote meanwhile stays.
export const edit = (stateBase64, snapshotBase64, section, after, clientId, maxLength) => {
  if (!sections.includes(section)) return refuse('unknown-section')
  const doc = load(stateBase64)
  sections.forEach(name => doc.getText(name))
  let base
  try {
    base = snapshotBase64 ? Y.createDocFromSnapshot(doc, Y.decodeSnapshot(fromBase64(snapshotBase64)), new Y.Doc({ gc: false })) : doc
  } catch {
    return refuse('malformed')
  }
  const baseText = base.getText(section)
  const change = diff(baseText.toString(), after)
  if (change.remove === 0 && change.insert.length === 0) return answer(doc, { update: null, sections: [] })
  // The characters the author removed, by identity: those someone else already removed stay removed.
  const removed = new Set()
  let index = 0
  for (let item = baseText._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue
    for (let offset = 0; offset < item.length; offset++, index++) {
      if (index >= change.index && index < change.index + change.remove) removed.add(item.id.client + ':' + (item.id.clock + offset))
    }
  }
  const at = Y.createRelativePositionFromTypeIndex(baseText, change.index)
  doc.clientID = clientId
  const updates = []
  doc.on('update', update => updates.push(update))
  const text = doc.getText(section)
  doc.transact(() => {
    const ranges = []
    let position = 0
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue
      for (let offset = 0; offset < item.length; offset++, position++) {
        if (removed.has(item.id.client + ':' + (item.id.clock + offset))) {
          const last = ranges[ranges.length - 1]
          if (last && last.index + last.length === position) last.length++
          else ranges.push({ index: position, length: 1 })
        }
      }
    }
    for (const range of ranges.reverse()) text.delete(range.index, range.length)
    if (change.insert.length > 0) {
      const absolute = Y.createAbsolutePositionFromRelativePosition(at, doc)
      text.insert(absolute !== null && absolute.type === text ? absolute.index : text.length, change.insert)
    }
  })
  if (lengthOf(doc) > maxLength) return refuse('too-long')
  return answer(doc, { update: updates.length > 0 ? toBase64(Y.mergeUpdates(updates)) : null, sections: [section] })
}

// The document as text, and who wrote each paragraph: characters per client id, which the server maps to people.
export const read = (stateBase64, snapshotBase64) => {
  const doc = load(stateBase64)
  const view = snapshotBase64 ? Y.createDocFromSnapshot(doc, Y.decodeSnapshot(fromBase64(snapshotBase64)), new Y.Doc({ gc: false })) : doc
  const paragraphs = {}
  for (const name of sections) {
    const list = [{ text: '', clients: {} }]
    for (let item = view.getText(name)._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue
      const chars = item.content.str
      for (let i = 0; i < chars.length; i++) {
        const c = chars[i]
        if (c === '\n') {
          list.push({ text: '', clients: {} })
          continue
        }
        const current = list[list.length - 1]
        current.text += c
        current.clients[item.id.client] = (current.clients[item.id.client] || 0) + 1
      }
    }
    paragraphs[name] = list.filter(p => p.text.trim().length > 0)
  }
  return JSON.stringify({ texts: textsOf(view), paragraphs, vector: toBase64(Y.encodeStateVector(doc)), snapshot: toBase64(Y.encodeSnapshot(Y.snapshot(doc))) })
}
