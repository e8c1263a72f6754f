// Builds wwwroot/js/synthesis/synthesis.js, which is checked in: `./cosie run` and `./cosie test` never need npm.
// Run `npm ci && npm run build` here after changing anything under synthesis/ or the versions in package.json.
import { build } from 'esbuild'

await build({
  entryPoints: ['synthesis/index.js'],
  bundle: true,
  format: 'iife',
  globalName: 'CoSieSynthesis',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'eof',
  outfile: '../wwwroot/js/synthesis/synthesis.js'
})
