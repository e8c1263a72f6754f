// The live editor on top of the synthesis page, which works without JavaScript (a form per section). Each section's
// textarea is bound to a Y.Text of one Yjs document: a keystroke becomes the smallest change to that text, changes
// are sent to the server (which merges them into the stored document and relays them to the others), and what others
// write is merged into the textarea with the caret kept in place.
import * as Y from 'yjs'
import { toBase64, fromBase64 } from './base64.js'
import { diff } from './sections.js'

// The server takes at most about two calls a second from a connection: changes gather for this long and go as one.
const sendEveryMs = 600

export const start = root => {
  const signalR = window.signalR
  if (!signalR) return
  const institution = root.dataset.institution
  const synthesisId = root.dataset.synthesisId
  const status = root.querySelector('.synthesis-status')
  const say = text => { if (status) { status.textContent = text || ''; status.hidden = !text } }
  const doc = new Y.Doc()
  const fields = new Map()
  root.querySelectorAll('textarea[data-section]').forEach(area => fields.set(area.dataset.section, area))
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/discussions')
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
    .build()

  let pending = []
  let sending = false
  let joined = false
  let serverVector = null

  const bind = (name, area) => {
    const text = doc.getText(name)
    let shown = text.toString()
    area.value = shown
    area.addEventListener('input', () => {
      const change = diff(shown, area.value)
      shown = area.value
      doc.transact(() => {
        if (change.remove > 0) text.delete(change.index, change.remove)
        if (change.insert.length > 0) text.insert(change.index, change.insert)
      }, 'local')
    })
    area.addEventListener('focus', () => presence(name))
    area.addEventListener('blur', () => presence(null))
    text.observe(event => {
      if (event.transaction.origin === 'local') return
      // Move the caret and selection by what was inserted or removed before them.
      let start = area.selectionStart
      let end = area.selectionEnd
      let index = 0
      for (const op of event.delta) {
        if (op.retain) index += op.retain
        else if (op.insert) {
          const n = op.insert.length
          if (index < start) start += n
          if (index < end) end += n
          index += n
        } else if (op.delete) {
          const n = op.delete
          if (index < start) start -= Math.min(n, start - index)
          if (index < end) end -= Math.min(n, end - index)
        }
      }
      shown = text.toString()
      const focused = document.activeElement === area
      area.value = shown
      if (focused) area.setSelectionRange(start, end)
    })
  }

  doc.on('update', (update, origin) => {
    if (origin === 'remote') return
    pending.push(update)
    schedule()
  })

  let timer = null
  const schedule = () => {
    if (timer === null) timer = setTimeout(() => { timer = null; flush() }, sendEveryMs)
  }

  const flush = async () => {
    if (sending || !joined || pending.length === 0) return
    sending = true
    const update = pending.length === 1 ? pending[0] : Y.mergeUpdates(pending)
    pending = []
    try {
      const result = await connection.invoke('EditSynthesis', synthesisId, toBase64(update))
      if (!result.accepted) {
        say(root.dataset['text' + capital(result.reason)] || root.dataset.textRefused)
        if (result.reason === 'closed') fields.forEach(area => { area.readOnly = true })
        if (result.reason === 'missing-history') await sync()
      } else {
        say('')
      }
    } catch {
      // Not sent: whatever the server lacks goes again with the next sync, when the connection is back or, if it
      // stayed up (a refused call), in a moment.
      joined = false
      say(root.dataset.textOffline)
      if (connection.state === signalR.HubConnectionState.Connected) setTimeout(() => { sync().catch(() => {}) }, 2000)
    } finally {
      sending = false
      if (pending.length > 0) schedule()
    }
  }

  // The server's document into ours, then ours into the server's: whatever either lacks.
  const sync = async () => {
    const result = await connection.invoke('JoinSynthesis', institution, synthesisId)
    if (!result.joined) {
      joined = false
      say(root.dataset.textRefused)
      return
    }
    Y.applyUpdate(doc, fromBase64(result.state), 'remote')
    serverVector = fromBase64(result.vector)
    joined = true
    showPresence(result.editors || [])
    if (result.closed || !result.canEdit) {
      fields.forEach(area => { area.readOnly = true })
      say(root.dataset.textClosed)
      return
    }
    const missing = Y.encodeStateAsUpdate(doc, serverVector)
    // An update with nothing in it is two bytes (no structs, no deletions).
    if (missing.length > 2) pending.push(missing)
    say('')
    flush()
  }

  const others = root.querySelector('.synthesis-presence')
  const presence = section => {
    if (joined) connection.invoke('SynthesisPresence', synthesisId, section).catch(() => {})
  }
  connection.on('SynthesisUpdated', message => {
    if (message.synthesisId !== synthesisId) return
    Y.applyUpdate(doc, fromBase64(message.update), 'remote')
  })
  const showPresence = editors => {
    if (!others) return
    others.replaceChildren(...editors.map(editor => {
      const item = document.createElement('li')
      const section = root.querySelector(`[data-section="${CSS.escape(editor.section)}"]`)
      const label = section ? root.querySelector(`label[for="${CSS.escape(section.id)}"]`) : null
      item.textContent = (root.dataset.textEditing || '{name}: {section}')
        .replace('{name}', editor.name).replace('{section}', label ? label.textContent.trim() : editor.section)
      return item
    }))
  }
  connection.on('SynthesisPresenceChanged', message => {
    if (message.synthesisId === synthesisId) showPresence(message.editors)
  })
  connection.onreconnecting(() => { joined = false; say(root.dataset.textOffline) })
  connection.onreconnected(() => { sync().catch(() => {}) })

  connection.start().then(sync).then(() => {
    if (!joined) return
    fields.forEach((area, name) => bind(name, area))
    // The forms stay for the keyboard and screen readers, but typing is saved as it happens.
    root.querySelectorAll('.synthesis-save').forEach(button => { button.hidden = true })
    root.classList.add('synthesis-live')
  }).catch(() => {})
  return { doc, connection }
}

const capital = text => text ? text.split('-').map(part => part[0].toUpperCase() + part.slice(1)).join('') : ''

if (typeof document !== 'undefined') {
  const root = document.getElementById('synthesis')
  if (root && root.dataset.editable === 'true') window.cosieSynthesisEditor = start(root)
}
