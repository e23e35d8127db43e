import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useViews } from '../api/get-views'
import type { Notice } from '../components/view-notice'
import { errorText } from '../utils/error-text'
import { VIEW_PARAM, applyViewQuery, viewParam } from '../utils/view-query'

/**
 * Opens the view a `/?view=<id>` link names: its filters and sort go into the URL in place of
 * the link (replacing it, so Back does not bounce through it). A view that is gone, or a list
 * that cannot be had, is said plainly and the link is dropped.
 */
export function useOpenViewLink(say: (notice: Notice) => void): void {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const id = viewParam(params)
  const views = useViews({ enabled: id !== null })

  useEffect(() => {
    if (id === null) return
    if (views.isError) {
      const next = new URLSearchParams(params)
      next.delete(VIEW_PARAM)
      setParams(next, { replace: true })
      say({
        severity: 'error',
        text: t('views.openFailed', { message: errorText(views.error, t) }),
      })
      return
    }
    if (!views.data) return
    const view = views.data.find((v) => v.id === id)
    if (view) {
      setParams(applyViewQuery(params, view.query), { replace: true })
      say({ severity: 'success', text: t('views.applied', { name: view.name }) })
    } else if (views.isFetchedAfterMount) {
      // Only a list fetched now may say the view is gone (a cached one may predate it).
      const next = new URLSearchParams(params)
      next.delete(VIEW_PARAM)
      setParams(next, { replace: true })
      say({ severity: 'error', text: t('views.notFound') })
    }
  }, [
    id,
    views.data,
    views.isFetchedAfterMount,
    views.isError,
    views.error,
    params,
    setParams,
    say,
    t,
  ])
}
