export interface Position {
  line: number
  column: number
}
export function withMutant(
  source: string,
  mutant: { location: { start: Position; end: Position }; replacement: string }
): string
export function importersOf(module: string, testsDir: string): string[]
export function outcome(run: { status: number | null; signal: string | null; error?: { code?: string } }): string
