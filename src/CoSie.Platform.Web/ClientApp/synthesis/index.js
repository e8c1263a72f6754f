// One bundle for both sides: the browser runs the editor, the server (Jint) calls merge, edit and read.
export { check, merge, mergeAll, edit, read } from './server.js'
export { start } from './editor.js'
