/**
 * A PostgreSQL password may come in the database URL (or PGPASSWORD, or ~/.pgpass, which the
 * client reads itself). What the store prints, records in `runs` or puts in an error message goes
 * through here first, so the password never leaves the process.
 */

const URL_PASSWORD = /(postgres(?:ql)?:\/\/[^:/@\s]*:)[^@\s]*@/gi

export const isPostgresUrl = (target: string): boolean => /^postgres(?:ql)?:\/\//i.test(target)

/** The URL with its password (if any) replaced by ***. */
export function redactUrl(text: string): string {
  return text.replace(URL_PASSWORD, '$1***@')
}

/** Arguments as a run records them: a --db URL keeps its user, host and database, not its password. */
export function redactArgs(args: readonly string[]): string[] {
  return args.map(redactUrl)
}

/** The password a URL carries, decoded as the client will send it; null when it has none. */
export function urlPassword(url: string): string | null {
  try {
    const password = new URL(url).password
    return password ? decodeURIComponent(password) : null
  } catch {
    return null
  }
}

/** Any text (an error message from the client or the server) with every known secret masked. */
export function redactText(text: string, url: string): string {
  let out = redactUrl(text)
  const secrets = [urlPassword(url), url.match(URL_PASSWORD) ? url.replace(/^.*?:\/\/[^:/@]*:([^@]*)@.*$/s, '$1') : null, process.env.PGPASSWORD]
  for (const secret of secrets) if (secret && secret.length > 0) out = out.split(secret).join('***')
  return out
}
