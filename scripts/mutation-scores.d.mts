export interface ModuleScore {
  file: string
  detected: number
  undetected: number
  /** Percent; undefined for a module with no valid mutant. */
  score: number | undefined
}
export function scores(report: { files: Record<string, { mutants: { status: string }[] }> }): ModuleScore[]
export function table(rows: ModuleScore[], floor: number): string
