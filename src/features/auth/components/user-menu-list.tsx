import LogoutRounded from '@mui/icons-material/LogoutRounded'
import Box from '@mui/material/Box'
import Divider from '@mui/material/Divider'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useScopeLabel } from '@/hooks/use-scope-label'
import type { Me } from '@/shared/auth'
import type { UserMenuLink } from './user-menu'

interface UserMenuListProps {
  id: string
  /** The user's button; null while the menu is closed. */
  anchorEl: HTMLElement | null
  onClose: () => void
  me: Me
  links: readonly UserMenuLink[]
  onSignOut: () => void
  signingOut: boolean
}

/** The user menu: who is signed in (role, scope), their own pages, and the way out. */
export function UserMenuList({
  id,
  anchorEl,
  onClose,
  me,
  links,
  onSignOut,
  signingOut,
}: UserMenuListProps) {
  const { t } = useTranslation()
  const roleLabel = t(`roles.${me.role}`)
  return (
    <Menu
      id={id}
      anchorEl={anchorEl}
      open={anchorEl !== null}
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      slotProps={{ paper: { sx: { minWidth: 240, mt: 0.5 } } }}
    >
      <MenuHeader me={me} roleLabel={roleLabel} />
      <Divider />
      {links.map((link) => (
        <MenuItem key={link.to} component={Link} to={link.to} onClick={onClose}>
          <ListItemIcon>{link.icon}</ListItemIcon>
          <ListItemText>{link.label}</ListItemText>
        </MenuItem>
      ))}
      <MenuItem onClick={onSignOut} disabled={signingOut}>
        <ListItemIcon>
          <LogoutRounded fontSize="small" />
        </ListItemIcon>
        <ListItemText>{t('auth.signOut')}</ListItemText>
      </MenuItem>
    </Menu>
  )
}

/** Not an item: the keyboard skips it (`muiSkipListHighlight`), screen readers read it. */
const MenuHeader = Object.assign(
  function MenuHeader({ me, roleLabel }: { me: Me; roleLabel: string }) {
    const { t } = useTranslation()
    const scopeLabel = useScopeLabel()
    const scope = scopeLabel(me.scope)
    return (
      <Box component="li" role="presentation" sx={{ px: 2, pt: 1, pb: 1.25 }}>
        <Typography sx={{ fontWeight: 600 }}>{me.username}</Typography>
        <Typography variant="body2" sx={{ color: 'primary.main', fontWeight: 500 }}>
          {roleLabel}
        </Typography>
        <Typography
          variant="caption"
          component="p"
          sx={{ color: 'text.secondary', mt: 0.5, lineHeight: 1.5 }}
        >
          {t('scope.tenant', { namespace: me.scope.namespace })}
          <br />
          {scope.department} · {scope.skills}
        </Typography>
      </Box>
    )
  },
  { muiSkipListHighlight: true },
)
