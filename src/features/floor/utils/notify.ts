/** Desktop notifications (Notification API), where the browser has them. */
export function notificationsSupported(): boolean {
  return typeof Notification !== 'undefined'
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return notificationsSupported() ? Notification.permission : 'unsupported'
}

/** Asks for permission if it was never asked; says whether notifications may be shown. */
export async function askNotificationPermission(): Promise<boolean> {
  if (!notificationsSupported()) return false
  if (Notification.permission === 'default') await Notification.requestPermission()
  return Notification.permission === 'granted'
}

const TAG = 'floor-red-breach' // one notification on screen at a time: a newer one replaces it

export function notify(title: string, body: string): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return
  try {
    new Notification(title, { body, tag: TAG })
  } catch {
    // Some browsers allow notifications only from a service worker: the sound still plays.
  }
}
