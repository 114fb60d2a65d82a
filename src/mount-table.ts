// One line of a mount table, whichever OS printed it: shared by the Linux and macOS parsers.
import type { FilesystemInfo } from './model.js'

export interface MountEntry extends FilesystemInfo {
  id: number
  /** `major:minor` of the device, to find the block device of a fuseblk mount. */
  device: string
}
