// Windows fixes a link's kind (file, directory, junction) when it is made: a link kept (in a copied tree, a backup,
// the undo record's note) is made again with its own kind, asked of PowerShell once for many links.
import { quietly } from '../errors.js'
import { kindFromText, type WindowsLinkType } from '../mounts-windows.js'
import type { LinkPlan } from '../plan/index.js'
import { symlinkType } from '../platform.js'
import type { ApplyContext } from './context.js'

/**
 * The Windows types links are made again with: each one's own. Where a relative text that leads somewhere settles
 * every one, nothing is asked; otherwise all are asked in one call, since it is one PowerShell start either way and a
 * link's own kind beats what it leads to (a file link may lead to a directory). Where nothing tells, what the link
 * leads to now decides, or it is a file link.
 */
export function keptLinkTypes(links: string[], ctx: ApplyContext): (WindowsLinkType | undefined)[] {
  if (!ctx.platform.isWindows) return links.map(() => undefined)
  return kindsAndTexts(links, ctx).map(({ kind }) => kind)
}

/** keptLinkTypes, with the text each link held when its kind was found (Windows only). */
function kindsAndTexts(links: string[], ctx: ApplyContext): { kind?: WindowsLinkType; text?: string }[] {
  const { ops, platform } = ctx
  const leadsTo = links.map((p) => quietly(() => ops.stat(p)))
  const texts = links.map((p) => quietly(() => ops.readlink(p)))
  const known = texts.map((text, i) => (text === undefined ? undefined : kindFromText(text, leadsTo[i])))
  const asked = known.includes(undefined) ? ops.linkKinds(links) : []
  return links.map((_, i) => ({
    kind: asked[i] ?? known[i] ?? symlinkType(platform, 'symlink', !!leadsTo[i]?.isDirectory()),
    text: texts[i]
  }))
}

/**
 * Windows: the kinds of the links a slice of plans will replace and keep (a backup, or the undo record's note of
 * what to put back), asked together before the slice is applied, so that PowerShell starts once per slice, not once
 * per link. A link below an earlier link is planned again when its turn comes (what is at its PATH may change by
 * then): it is left to ask for itself.
 */
export function learnKeptKinds(plans: LinkPlan[], ctx: ApplyContext): void {
  if (!ctx.platform.isWindows || !(ctx.settings.backupSuffix || ctx.settings.cleanup)) return
  const links = plans
    .filter((p) => p.action === 'replace' && p.existing === 'link' && !p.request.dependsOnEarlier)
    .map((p) => p.request.absPath)
  kindsAndTexts(links, ctx).forEach(({ kind, text }, i) => {
    if (kind && text !== undefined) ctx.keptKinds.set(links[i], { text, kind })
  })
}

/** The Windows kind of the link at p: as learnKeptKinds found it while p still holds the text it held then, else asked. */
export function keptLinkType(p: string, ctx: ApplyContext): WindowsLinkType | undefined {
  if (!ctx.platform.isWindows) return undefined
  const learned = ctx.keptKinds.get(p)
  if (learned && learned.text === quietly(() => ctx.ops.readlink(p))) return learned.kind
  return keptLinkTypes([p], ctx)[0]
}
