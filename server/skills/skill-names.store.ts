import type { SkillNames } from '@/shared/skill-names'
import type { SkillNamesRepo } from './skill-names.repo'

/**
 * Each tenant's skill-group names, held in memory: tiles, call records and the admin pages read
 * them on every request, without a query. Loaded before the relay answers (`load`), kept up to
 * date by this process's own changes; `reload` picks up another relay process's.
 */
export class SkillNamesStore {
  private byNamespace = new Map<string, SkillNames>()

  constructor(private readonly repo: SkillNamesRepo) {}

  /** Reads every tenant's names (at start). */
  async load(): Promise<void> {
    this.byNamespace = await this.repo.all()
  }

  /** Reads one tenant's names again (changed elsewhere); resolves to them. */
  async reload(namespace: string): Promise<SkillNames> {
    const names = await this.repo.get(namespace)
    this.hold(namespace, names)
    return names
  }

  /** The tenant's names as last read or written ({} when it has none). */
  get(namespace: string): SkillNames {
    return this.byNamespace.get(namespace) ?? {}
  }

  /** Replaces the tenant's names; held once stored. */
  /** Told after each change made here (the other relay processes of a cluster read it again). */
  onChange: ((namespace: string) => void | Promise<void>) | null = null

  async replace(namespace: string, names: SkillNames, by: string, now: number): Promise<void> {
    await this.repo.replace(namespace, names, by, now)
    this.hold(namespace, names)
    await this.onChange?.(namespace)
  }

  private hold(namespace: string, names: SkillNames): void {
    // In skill-id order, as they are read back from the database.
    const sorted = Object.entries(names).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    if (sorted.length === 0) this.byNamespace.delete(namespace)
    else this.byNamespace.set(namespace, Object.fromEntries(sorted))
  }
}
