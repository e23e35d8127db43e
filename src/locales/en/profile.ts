import type { English } from '../english'
import type { ProfileMessages } from '../zh/profile'

/** English: the profile page. */
export const profile: English<ProfileMessages> = {
  profile: {
    back: 'Back to where you were',
    title: 'Profile',
    intro:
      'Supervisor actions use your own phone: to listen, the platform calls your extension; to take over or join, the call goes to your number.',
    account: 'Account',
    role: 'Role',
    formLabel: 'My phone',
    deviceId: 'My extension',
    deviceIdHelp:
      'The platform calls this extension when you listen, e.g. 8002 or 8002@test.cc (without @, your tenant’s domain is used)',
    deviceIdInvalid: 'Enter an extension, e.g. 8002 or 8002@test.cc',
    phoneNumber: 'My number',
    phoneNumberHelp: 'Calls you take over or join go to this number, e.g. 8002 or 13912345678',
    phoneNumberInvalid: 'Digits only (with + * # - allowed), e.g. 8002 or 13912345678',
    clearHint: 'Empty a field and save to remove it.',
    saved: 'Saved.',
    notActing:
      'Your role ({{role}}) may not act on agents, so these settings are not used for now.',
  },
}
