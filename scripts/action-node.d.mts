import type { SpawnSyncOptionsWithStringEncoding, SpawnSyncReturns } from 'node:child_process'

export const MAJOR: string
export const PINNED: string
export const CACHE: string
export function npm(args: string[], options?: Partial<SpawnSyncOptionsWithStringEncoding>): SpawnSyncReturns<string>
export function actionNode(): string | undefined
export function whyNoActionNode(): string
export function ensureActionNode(): string | undefined
