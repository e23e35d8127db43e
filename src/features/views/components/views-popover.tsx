import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded'
import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import IconButton from '@mui/material/IconButton'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemText from '@mui/material/ListItemText'
import Popover from '@mui/material/Popover'
import TextField from '@mui/material/TextField'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { SavedView } from '@/shared/views'
import { useLanguage } from '@/hooks/use-language'
import { formatDateTime } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { useViews } from '../api/get-views'

interface ViewsPopoverProps {
  anchor: HTMLElement | null
  onClose: () => void
  onApply: (view: SavedView) => void
  onCopyLink: (view: SavedView) => void
  onDelete: (view: SavedView) => void
  canDelete: (view: SavedView) => boolean
  canSave: boolean
  /** A link the browser would not copy, shown to copy by hand. */
  copyFallback: { name: string; url: string } | null
}

/**
 * The tenant's saved views, as a small dialog under the "views" button: each opens the floor
 * with its filters; beside it, copy its link and (owner or admin) delete it. Tab moves through
 * the list, Escape closes, and focus goes back to the button.
 */
export function ViewsPopover({
  anchor,
  onClose,
  onApply,
  onCopyLink,
  onDelete,
  canDelete,
  canSave,
  copyFallback,
}: ViewsPopoverProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const locale = htmlLang(useLanguage())
  const views = useViews({ enabled: anchor !== null })

  let body
  if (views.data) {
    body =
      views.data.length === 0 ? (
        <Box sx={{ px: 2, pb: 2 }}>
          <Typography variant="body2">{t('views.empty')}</Typography>
          {canSave && (
            <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
              {t('views.emptySaveHint')}
            </Typography>
          )}
        </Box>
      ) : (
        <List
          dense
          aria-label={t('views.listLabel')}
          sx={{ pt: 0, maxHeight: 360, overflow: 'auto' }}
        >
          {views.data.map((view) => (
            <ListItem
              key={view.id}
              disablePadding
              secondaryAction={
                <Box sx={{ display: 'flex' }}>
                  <Tooltip title={t('views.copyLink', { name: view.name })}>
                    <IconButton
                      size="small"
                      aria-label={t('views.copyLink', { name: view.name })}
                      onClick={() => onCopyLink(view)}
                    >
                      <ContentCopyRounded fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  {canDelete(view) && (
                    <Tooltip title={t('views.delete', { name: view.name })}>
                      <IconButton
                        size="small"
                        edge="end"
                        aria-label={t('views.delete', { name: view.name })}
                        onClick={() => onDelete(view)}
                      >
                        <DeleteOutlineRounded fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  )}
                </Box>
              }
              sx={{ '& .MuiListItemButton-root': { pr: canDelete(view) ? 10 : 6 } }}
            >
              <ListItemButton onClick={() => onApply(view)}>
                <ListItemText
                  primary={view.name}
                  secondary={t('views.owner', {
                    owner: view.owner,
                    date: formatDateTime(view.createdAt, locale),
                  })}
                  slotProps={{
                    primary: { sx: { fontWeight: 500, overflowWrap: 'anywhere' } },
                    secondary: { sx: { color: 'text.secondary' } },
                  }}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )
  } else if (views.isError) {
    body = (
      <Alert
        severity="error"
        sx={{ mx: 2, mb: 2 }}
        action={
          <Button color="inherit" size="small" onClick={() => void views.refetch()}>
            {t('common.retry')}
          </Button>
        }
      >
        {t('views.error')}
      </Alert>
    )
  } else {
    body = (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, pb: 2 }}>
        <CircularProgress size={16} aria-hidden />
        <Typography variant="body2">{t('views.loading')}</Typography>
      </Box>
    )
  }

  return (
    <Popover
      open={anchor !== null}
      anchorEl={anchor}
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      slotProps={{
        paper: {
          role: 'dialog',
          'aria-labelledby': titleId,
          sx: { width: 340, maxWidth: 'calc(100vw - 32px)', mt: 0.5 },
        },
      }}
    >
      <Typography id={titleId} variant="h3" component="h2" sx={{ px: 2, pt: 1.5, pb: 1 }}>
        {t('views.title')}
      </Typography>
      {body}
      {copyFallback && (
        <Box sx={{ px: 2, pb: 2 }}>
          <Alert severity="info" sx={{ mb: 1 }}>
            {t('views.copyFailed')}
          </Alert>
          <TextField
            label={t('views.linkLabel')}
            value={copyFallback.url}
            fullWidth
            size="small"
            autoFocus
            onFocus={(e) => e.target.select()}
            slotProps={{ htmlInput: { readOnly: true, spellCheck: false } }}
          />
        </Box>
      )}
    </Popover>
  )
}
