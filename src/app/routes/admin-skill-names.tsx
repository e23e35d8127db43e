import { SkillNamesPage } from '@/features/admin/components/skill-names-page'

export function AdminSkillNamesRoute() {
  return <SkillNamesPage />
}
