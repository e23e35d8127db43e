import { type ProfileBody, profileBodySchema } from '@/shared/actions'

export const PROFILE_FIELDS = ['deviceId', 'phoneNumber'] as const
export type ProfileField = (typeof PROFILE_FIELDS)[number]

/** The form as typed. */
export type ProfileDraft = Record<ProfileField, string>

/** What is wrong with a field, by kind; the page words it. */
export type ProfileIssue = 'invalid' | 'tooLong'

export type ProfileCheck =
  | { ok: true; body: { deviceId: string | null; phoneNumber: string | null } }
  | { ok: false; issues: Partial<Record<ProfileField, ProfileIssue>> }

/**
 * Checks the form with the contract's own schema (`profileBodySchema`); an empty field means
 * "none" and is sent as null, which clears it.
 */
export function checkProfile(draft: ProfileDraft): ProfileCheck {
  const body = {
    deviceId: draft.deviceId.trim() || null,
    phoneNumber: draft.phoneNumber.trim() || null,
  } satisfies ProfileBody
  const parsed = profileBodySchema.safeParse(body)
  if (parsed.success) return { ok: true, body }
  const issues: Partial<Record<ProfileField, ProfileIssue>> = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0]
    if (field !== 'deviceId' && field !== 'phoneNumber') continue
    issues[field] ??= issue.code === 'too_big' ? 'tooLong' : 'invalid'
  }
  return { ok: false, issues }
}
