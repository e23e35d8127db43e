/**
 * Chinese, the default language: the profile page.
 */
export const profile = {
  profile: {
    back: '返回刚才的页面',
    title: '个人资料',
    intro:
      '班长操作会用到你自己的电话：监听时，平台呼叫你的分机；接管和强插时，通话转到或加入你的号码。',
    account: '账号',
    role: '角色',
    formLabel: '我的电话',
    deviceId: '我的分机',
    deviceIdHelp:
      '监听时平台会呼叫这个分机，例如 8002 或 8002@test.cc（不写 @ 时使用本租户的域名）',
    deviceIdInvalid: '请输入分机号，例如 8002 或 8002@test.cc',
    phoneNumber: '我的号码',
    phoneNumberHelp: '接管或强插时通话会转到或加入这个号码，例如 8002 或 13912345678',
    phoneNumberInvalid: '只能包含数字（可带 +、*、#、-），例如 8002 或 13912345678',
    clearHint: '清空一项并保存，即可删除它。',
    saved: '已保存。',
    notActing: '你的角色（{{role}}）不能操作坐席，这些设置暂时用不到。',
  },
}

/** The shape English must fill: a missing key fails typecheck. */
export type ProfileMessages = typeof profile
