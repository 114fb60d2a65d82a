// The tree that test.yml's round-trip jobs send through the real artifact and cache actions (docs/usage.md, "Capturing
// a tree's links"), and the check that each of its links came back as it was made: a symbolic link with the same text
// (read with `/`: Windows stores `\`) leading to the same content, a hard link as one file with its pair (same device
// and inode). Plain JavaScript, so that the Node every hosted runner has can run it.
//
//   node scripts/roundtrip-tree.mjs make DIR    build the tree in DIR (Linux and macOS, where capture runs)
//   node scripts/roundtrip-tree.mjs check DIR   exit 1, naming each link or file that is not back, unless all are
import * as fs from 'node:fs'
import * as path from 'node:path'

const FILES = {
  'data/a.txt': 'a file\n',
  'data/dir/inner.txt': 'inside a directory\n',
  'hard/one.txt': 'one file, two names\n'
}
/** Symbolic links and their texts: to a file, to a directory, and up through `..`. */
const SYMLINKS = { 'file-link': 'data/a.txt', 'dir-link': 'data/dir', 'sub/up': '../data/a.txt' }
/** Hard links and the name they share a file with. */
const HARD_LINKS = { 'hard/two.txt': 'hard/one.txt' }

function make(dir) {
  for (const [rel, content] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), content)
  }
  for (const [rel, text] of Object.entries(SYMLINKS)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.symlinkSync(text, path.join(dir, rel))
  }
  for (const [rel, other] of Object.entries(HARD_LINKS)) fs.linkSync(path.join(dir, other), path.join(dir, rel))
}

/** What is wrong with the symbolic link at rel, or undefined: its kind, its text, what reading through it gives. */
function symlinkProblem(dir, rel, text) {
  const at = path.join(dir, rel)
  if (!fs.lstatSync(at).isSymbolicLink()) return 'is not a symbolic link'
  const read = fs.readlinkSync(at).replace(/\\/g, '/')
  if (read !== text) return `holds ${JSON.stringify(read)}, not ${JSON.stringify(text)}`
  // What the text leads to, as a name in FILES, or a directory holding some of them.
  const led = path.posix.join(path.posix.dirname(rel), text)
  const inside = Object.keys(FILES).filter((name) => name === led || name.startsWith(`${led}/`))
  const wrong = inside.filter((name) => fs.readFileSync(path.join(at, name.slice(led.length)), 'utf8') !== FILES[name])
  return wrong.length > 0 ? `does not lead to what ${text} holds (${wrong.join(', ')})` : undefined
}

/** What is wrong with the hard link at rel, or undefined: a file of its own, or another file than its pair's. */
function hardLinkProblem(dir, rel, other) {
  const [mine, theirs] = [rel, other].map((name) => fs.lstatSync(path.join(dir, name), { bigint: true }))
  if (!mine.isFile()) return 'is not a regular file'
  if (mine.dev !== theirs.dev || mine.ino !== theirs.ino) return `is a file of its own, not a second name of ${other}`
  return undefined
}

/** Every file, symbolic link and hard link of the tree not back in dir, with what is wrong, in words. */
function problems(dir) {
  const named = (rel, find) => {
    try {
      const problem = find()
      return problem ? [`${rel} ${problem}`] : []
    } catch (error) {
      return [`${rel}: ${error.code ?? error.message}`]
    }
  }
  return [
    ...Object.entries(FILES).flatMap(([rel, content]) =>
      named(rel, () => (fs.readFileSync(path.join(dir, rel), 'utf8') === content ? undefined : 'has changed'))
    ),
    ...Object.entries(SYMLINKS).flatMap(([rel, text]) => named(rel, () => symlinkProblem(dir, rel, text))),
    ...Object.entries(HARD_LINKS).flatMap(([rel, other]) => named(rel, () => hardLinkProblem(dir, rel, other)))
  ]
}

const [command, dir] = process.argv.slice(2)
if (command === 'make' && dir) make(dir)
else if (command === 'check' && dir) {
  const found = problems(dir)
  for (const problem of found) console.log(`::error::${problem}`)
  const links = Object.keys(SYMLINKS).length + Object.keys(HARD_LINKS).length
  console.log(found.length === 0 ? `all ${links} links are back in ${dir}` : `${found.length} problems in ${dir}`)
  process.exitCode = found.length === 0 ? 0 : 1
} else {
  console.error('usage: node roundtrip-tree.mjs make|check DIR')
  process.exitCode = 2
}
