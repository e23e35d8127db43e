import AccountCircleRounded from '@mui/icons-material/AccountCircleRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import { type ReactNode, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { loadOnFirstDraw, preloadWhenIdle, useOpenedOnce } from '@/components/ui/on-demand'
import type { Me } from '@/shared/auth'
import { useLogout } from '../api/logout'

/** The menu itself: fetched once the page is idle, drawn from the first opening on. */
const UserMenuList = loadOnFirstDraw(async () => (await import('./user-menu-list')).UserMenuList)

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
  const used = useOpenedOnce(anchor !== null)
  useEffect(() => preloadWhenIdle(UserMenuList), [])

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
      {used && (
        <UserMenuList
          id={menuId}
          anchorEl={anchor}
          onClose={() => setAnchor(null)}
          me={me}
          links={links}
          onSignOut={signOut}
          signingOut={logout.isPending}
        />
      )}
    </>
  )
}
