import BlockRounded from '@mui/icons-material/BlockRounded'
import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded'
import EditRounded from '@mui/icons-material/EditRounded'
import LockResetRounded from '@mui/icons-material/LockResetRounded'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import type { AdminUser } from '@/shared/admin'
import { useLanguage } from '@/hooks/use-language'
import { formatDateTime } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { DepartmentText, SkillChips } from './scope-chips'
import { TABLE_SX } from './admin-table-states'
import { RowAction } from './row-action'

export interface UserActions {
  onEdit: (user: AdminUser) => void
  onResetPassword: (user: AdminUser) => void
  onToggleDisabled: (user: AdminUser) => void
}

interface UsersTableProps extends UserActions {
  users: readonly AdminUser[]
  /** The signed-in admin: their own row cannot be disabled or demoted. */
  currentUserId: number
}

export const USER_COLUMNS = 7

/** The header of the users table, shared by the loaded, loading and empty states. */
export function UsersTableHead() {
  const { t } = useTranslation('admin')
  return (
    <TableHead>
      <TableRow>
        <TableCell>{t('users.username')}</TableCell>
        <TableCell>{t('users.role')}</TableCell>
        <TableCell>{t('admin.department')}</TableCell>
        <TableCell>{t('admin.skills')}</TableCell>
        <TableCell>{t('admin.status')}</TableCell>
        <TableCell>{t('admin.created')}</TableCell>
        <TableCell align="right">{t('admin.actions')}</TableCell>
      </TableRow>
    </TableHead>
  )
}

export function UsersTable({ users, currentUserId, ...actions }: UsersTableProps) {
  const { t } = useTranslation('admin')
  return (
    <Table size="small" aria-label={t('users.tableLabel')} stickyHeader sx={TABLE_SX}>
      <UsersTableHead />
      <TableBody>
        {users.map((user) => (
          <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} {...actions} />
        ))}
      </TableBody>
    </Table>
  )
}

function UserRow({
  user,
  isSelf,
  onEdit,
  onResetPassword,
  onToggleDisabled,
}: { user: AdminUser; isSelf: boolean } & UserActions) {
  const { t } = useTranslation('admin')
  const locale = htmlLang(useLanguage())
  const name = user.username
  return (
    <TableRow hover sx={{ opacity: user.disabled ? 0.72 : 1 }}>
      <TableCell component="th" scope="row" sx={{ fontWeight: 500 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          {name}
          {isSelf && (
            <Chip size="small" color="primary" variant="outlined" label={t('users.you')} />
          )}
        </Box>
      </TableCell>
      <TableCell>{t(`roles.${user.role}`)}</TableCell>
      <TableCell>
        <DepartmentText prefix={user.scope.orgPrefix} />
      </TableCell>
      <TableCell>
        <SkillChips skills={user.scope.skills} />
      </TableCell>
      <TableCell>
        {user.disabled ? (
          <Chip size="small" label={t('users.disabled')} />
        ) : (
          <Chip size="small" color="success" variant="outlined" label={t('users.active')} />
        )}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatDateTime(user.createdAt, locale)}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        <RowAction
          label={t('users.edit', { name })}
          icon={<EditRounded fontSize="small" />}
          onClick={() => onEdit(user)}
        />
        <RowAction
          label={t('users.resetPassword', { name })}
          icon={<LockResetRounded fontSize="small" />}
          onClick={() => onResetPassword(user)}
        />
        {user.disabled ? (
          <RowAction
            label={t('users.enable', { name })}
            icon={<CheckCircleRounded fontSize="small" />}
            color="success"
            onClick={() => onToggleDisabled(user)}
          />
        ) : (
          <RowAction
            label={t('users.disable', { name })}
            icon={<BlockRounded fontSize="small" />}
            color="error"
            disabled={isSelf}
            hint={t('users.selfHint')}
            onClick={() => onToggleDisabled(user)}
          />
        )}
      </TableCell>
    </TableRow>
  )
}
