// One bundle for both sides: the browser runs the editor, the server (Jint) calls merge, edit and read.
export { merge, edit, read } from './server.js'
export { start } from './editor.js'
