/**
 * Chinese, the default language: the sign-in page.
 */
export const login = {
  auth: {
    title: '登录',
    subtitle: '登录后查看坐席实时状态',
    formLabel: '登录表单',
    username: '用户名',
    password: '密码',
    showPassword: '显示密码',
    hidePassword: '隐藏密码',
    submit: '登录',
    submitting: '正在登录…',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    badCredentials: '用户名或密码不正确。',
    disabled: '该账号已被停用，请联系管理员。',
    throttled: '登录失败次数过多，请 {{count}} 分钟后再试。',
    network: '无法连接到服务器，请检查网络后重试。',
    failed: '登录失败：{{message}}',
    kioskInvalid: '此大屏链接已失效。请向管理员索取新的大屏链接。',
    reasonExpired: '登录已过期，请重新登录。',
    reasonDisabled: '该账号已被停用，请联系管理员。',
    reasonEnded: '您的登录已结束（已在别处退出，或密码、权限有变动），请重新登录。',
    demoTitle: '演示账号',
    demoHint: '点击一个账号即可填入表单',
    demoUse: '使用演示账号 {{username}}（{{role}}）',
  },
}

/** The shape English must fill: a missing key fails typecheck. */
export type LoginMessages = typeof login
