/** The ids of the stand-in's workspace and of the bot in it, shared by the stand-in and the payloads sent to the bot. */
export const BOT_USER_ID = 'U0SOCIALVS';
export const BOT_ID = 'B0SOCIALVS';
export const TEAM_ID = 'T0SANDBOX';
export const APP_ID = 'A0SOCIALVS';
