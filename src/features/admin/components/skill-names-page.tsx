import LabelRounded from '@mui/icons-material/LabelRounded'
import Typography from '@mui/material/Typography'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { SkillGroup } from '@/shared/directory'
import { MessageState } from '@/components/ui/message-state'
import { useSkillGroups } from '../api/get-skill-groups'
import { useDialogTarget } from '../hooks/use-dialog-target'
import { AdminTableFrame } from './admin-table-frame'
import { LoadFailed } from './admin-table-states'
import { PageHeader } from './page-header'
import { SkillNameDialog } from './skill-name-dialog'
import { SKILL_NAME_COLUMNS, SkillNamesTable, SkillNamesTableHead } from './skill-names-table'

/**
 * `/admin/skill-names`: the skill groups agents are in (and any already named), each with the
 * name tiles, filters, figures and thresholds show instead of its id.
 */
export function SkillNamesPage() {
  const { t } = useTranslation('admin')
  const groups = useSkillGroups()
  const renaming = useDialogTarget<SkillGroup | null>(null)
  const skills = groups.data ?? []
  const names = useMemo(
    () =>
      Object.fromEntries(
        (groups.data ?? []).flatMap((g) => (g.name ? [[g.id, g.name] as const] : [])),
      ),
    [groups.data],
  )
  const named = Object.keys(names).length

  return (
    <>
      <PageHeader
        title={t('skillNames.title')}
        aside={
          groups.data ? t('skillNames.namedCount', { named, total: skills.length }) : undefined
        }
      />
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2, maxWidth: '72ch' }}>
        {t('skillNames.intro')}
      </Typography>
      <AdminTableFrame
        table={
          skills.length > 0 ? <SkillNamesTable skills={skills} onRename={renaming.show} /> : null
        }
        label={t('skillNames.tableLabel')}
        head={<SkillNamesTableHead />}
        columns={SKILL_NAME_COLUMNS}
        loading={groups.isPending}
        loadingLabel={t('skillNames.loading')}
        message={
          groups.isError ? (
            <LoadFailed title={t('skillNames.errorTitle')} onRetry={() => void groups.refetch()} />
          ) : (
            <MessageState
              icon={<LabelRounded />}
              title={t('skillNames.emptyTitle')}
              body={t('skillNames.emptyBody')}
            />
          )
        }
      />
      <SkillNameDialog
        open={renaming.open}
        skill={renaming.target}
        names={names}
        onClose={renaming.close}
      />
    </>
  )
}
