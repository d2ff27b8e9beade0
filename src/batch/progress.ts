/**
 * A one-line progress bar for a terminal: files done, pages read, rate and time left. Drawn only
 * when stderr is a terminal; redrawn at most ten times a second; cleared before any other line is
 * written so messages never mix with it.
 */
export class ProgressBar {
  private readonly started = performance.now()
  private lastDraw = 0
  private shown = false
  private done = 0
  private pages = 0
  private current = ''

  constructor(private readonly total: number, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get enabled(): boolean {
    return Boolean(this.stream.isTTY) && this.total > 1
  }

  start(path: string): void {
    this.current = path
    this.draw()
  }

  advance(pages: number): void {
    this.done += 1
    this.pages += pages
    this.draw(true)
  }

  /** Writes a line above the bar. */
  log(line: string): void {
    this.clear()
    this.stream.write(`${line}\n`)
    if (this.enabled && this.done < this.total) this.draw(true)
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K')
    this.shown = false
  }

  private draw(force = false): void {
    if (!this.enabled) return
    const now = performance.now()
    if (!force && now - this.lastDraw < 100) return
    this.lastDraw = now
    const seconds = (now - this.started) / 1000
    const rate = this.done / Math.max(seconds, 0.001)
    const left = rate > 0 ? (this.total - this.done) / rate : Number.NaN
    const width = 24
    const filled = Math.round((width * this.done) / this.total)
    const bar = `[${'='.repeat(filled)}${' '.repeat(width - filled)}]`
    const eta = Number.isFinite(left) && this.done > 0 ? ` · ~${formatDuration(left)} left` : ''
    const columns = this.stream.columns ?? 100
    const text = `${bar} ${this.done}/${this.total} files · ${this.pages} pages · ${rate.toFixed(1)} files/s${eta} · ${this.current}`
    this.stream.write(`\r\x1b[2K${text.slice(0, columns - 1)}`)
    this.shown = true
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`
  const m = Math.floor(seconds / 60)
  return m < 60 ? `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`
}
