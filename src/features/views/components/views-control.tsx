import BookmarkAddRounded from '@mui/icons-material/BookmarkAddRounded'
import BookmarksRounded from '@mui/icons-material/BookmarksRounded'
import Button from '@mui/material/Button'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { loadOnFirstDraw, preloadWhenIdle, useOpenedOnce } from '@/components/ui/on-demand'
import type { SavedView } from '@/shared/views'
import { copyText } from '@/lib/clipboard'
import { useDeleteView } from '../api/delete-view'
import { useOpenViewLink } from '../hooks/use-open-view-link'
import { errorText } from '../utils/error-text'
import { applyViewQuery, viewLink, viewQueryOf } from '../utils/view-query'
import type { Notice } from './view-notice'

// The list and the dialogs load when first opened: the toolbar's buttons are all the floor needs.
const ViewsPopover = loadOnFirstDraw(async () => (await import('./views-popover')).ViewsPopover)
const SaveViewDialog = loadOnFirstDraw(
  async () => (await import('./save-view-dialog')).SaveViewDialog,
)
/** The snackbar that says what happened to a view: loaded once the page is idle. */
const ViewNotice = loadOnFirstDraw(async () => (await import('./view-notice')).ViewNotice)
const ConfirmDialog = loadOnFirstDraw(
  async () => (await import('@/components/ui/confirm-dialog')).ConfirmDialog,
)

export interface ViewsControlProps {
  /** May save views (supervisors, admins); others only open them. */
  canSave: boolean
  /** Who is signed in: owners may delete their own views. */
  username: string
  /** Admins may delete any view. */
  isAdmin: boolean
}

/**
 * Saved views in the floor's toolbar: "views" lists the tenant's views (open one, copy its
 * link, delete it), "save view" names the current filters and sort. Also opens the view a
 * `/?view=<id>` link names, then shows the plain URL.
 */
export function ViewsControl({ canSave, username, isAdmin }: ViewsControlProps) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [saving, setSaving] = useState(false)
  const [deleting, setDeleting] = useState<SavedView | null>(null)
  const [copyFallback, setCopyFallback] = useState<{ name: string; url: string } | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const remove = useDeleteView()
  useOpenViewLink(setNotice)
  useEffect(() => preloadWhenIdle(ViewNotice), [])
  const noticeUsed = useOpenedOnce(notice !== null)
  const listUsed = useOpenedOnce(anchor !== null)
  const saveUsed = useOpenedOnce(saving)
  const deleteUsed = useOpenedOnce(deleting !== null)

  const closeList = () => {
    setAnchor(null)
    setCopyFallback(null)
  }

  const apply = (view: SavedView) => {
    closeList()
    setParams(applyViewQuery(params, view.query))
    setNotice({ severity: 'success', text: t('views.applied', { name: view.name }) })
  }

  const copyLink = async (view: SavedView) => {
    const url = viewLink(view.id, window.location.origin)
    if (await copyText(url)) {
      setCopyFallback(null)
      setNotice({ severity: 'success', text: t('views.linkCopied', { name: view.name }) })
    } else setCopyFallback({ name: view.name, url })
  }

  const confirmDelete = () => {
    if (!deleting) return
    const { name } = deleting
    remove.mutate(deleting.id, {
      onSuccess: () => {
        setDeleting(null)
        setNotice({ severity: 'success', text: t('views.deleted', { name }) })
      },
    })
  }

  return (
    <>
      <Button
        variant="outlined"
        color="inherit"
        startIcon={<BookmarksRounded />}
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={{ height: 40, borderColor: 'divider', whiteSpace: 'nowrap' }}
      >
        {t('views.open')}
      </Button>
      {canSave && (
        <Button
          variant="outlined"
          color="inherit"
          startIcon={<BookmarkAddRounded />}
          aria-haspopup="dialog"
          onClick={() => setSaving(true)}
          sx={{ height: 40, borderColor: 'divider', whiteSpace: 'nowrap' }}
        >
          {t('views.save')}
        </Button>
      )}
      {listUsed && (
        <ViewsPopover
          anchor={anchor}
          onClose={closeList}
          onApply={apply}
          onCopyLink={(view) => void copyLink(view)}
          onDelete={(view) => {
            remove.reset()
            setDeleting(view)
          }}
          canDelete={(view) => canSave && (isAdmin || view.owner === username)}
          canSave={canSave}
          copyFallback={copyFallback}
        />
      )}
      {canSave && saveUsed && (
        <SaveViewDialog
          open={saving}
          query={viewQueryOf(params)}
          onClose={() => setSaving(false)}
          onSaved={(view) => {
            setSaving(false)
            setNotice({ severity: 'success', text: t('views.saved', { name: view.name }) })
          }}
        />
      )}
      {deleteUsed && (
        <ConfirmDialog
          open={deleting !== null}
          title={t('views.confirmDeleteTitle', { name: deleting?.name ?? '' })}
          body={t('views.confirmDeleteBody')}
          confirmLabel={t('views.confirmDelete')}
          danger
          pending={remove.isPending}
          error={remove.isError ? errorText(remove.error, t) : null}
          onConfirm={confirmDelete}
          onClose={() => setDeleting(null)}
        />
      )}
      {noticeUsed && <ViewNotice notice={notice} onClose={() => setNotice(null)} />}
    </>
  )
}
