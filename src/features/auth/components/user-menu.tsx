import AccountCircleRounded from '@mui/icons-material/AccountCircleRounded'
import LogoutRounded from '@mui/icons-material/LogoutRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Typography from '@mui/material/Typography'
import { type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useScopeLabel } from '@/hooks/use-scope-label'
import type { Me } from '@/shared/auth'
import { useLogout } from '../api/logout'

interface UserMenuProps {
  me: Me
  /**
   * Just before the relay is told: the app stops the live link, whose session the relay ends
   * at once (otherwise the link would hear "your session ended" and read it as a forced end).
   */
  onSigningOut?: () => void
  /** After the relay ended the session (or could not be told): the app tears the page down. */
  onSignedOut: () => void
  /** Pages of the user's own (e.g. the profile), listed above the way out. */
  links?: readonly UserMenuLink[]
}

export interface UserMenuLink {
  to: string
  label: string
  icon: ReactNode
}

/** Who is signed in, with role and scope, and the way out. */
export function UserMenu({ me, onSigningOut, onSignedOut, links = [] }: UserMenuProps) {
  const { t } = useTranslation()
  const menuId = useId()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const logout = useLogout()
  const roleLabel = t(`roles.${me.role}`)

  const signOut = () => {
    onSigningOut?.()
    // Whatever the relay says (even "no session" or no answer), this page is signed out.
    logout.mutate(undefined, {
      onSettled: () => {
        setAnchor(null)
        onSignedOut()
      },
    })
  }

  return (
    <>
      <Button
        color="inherit"
        aria-label={t('auth.userMenu', { name: me.username })}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor !== null}
        onClick={(e) => setAnchor(e.currentTarget)}
        startIcon={<AccountCircleRounded />}
        sx={{ color: 'text.secondary', maxWidth: 200, px: 1 }}
      >
        <Box
          component="span"
          sx={{
            display: { xs: 'none', sm: 'inline' },
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            color: 'text.primary',
          }}
        >
          {me.username}
        </Box>
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { minWidth: 240, mt: 0.5 } } }}
      >
        <MenuHeader me={me} roleLabel={roleLabel} />
        <Divider />
        {links.map((link) => (
          <MenuItem key={link.to} component={Link} to={link.to} onClick={() => setAnchor(null)}>
            <ListItemIcon>{link.icon}</ListItemIcon>
            <ListItemText>{link.label}</ListItemText>
          </MenuItem>
        ))}
        <MenuItem onClick={signOut} disabled={logout.isPending}>
          <ListItemIcon>
            <LogoutRounded fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('auth.signOut')}</ListItemText>
        </MenuItem>
      </Menu>
    </>
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
