/**
 * The bot's listeners besides its slash command, as constraints Bolt takes: what the bench's
 * bare app registers with BARE_LISTENERS=bot. tests/listeners/register.test.ts checks that the
 * bot registers as many of each kind.
 */
export const BOT_LISTENERS = {
  events: ['app_mention', 'message', 'app_home_opened'],
  actions: [
    /^topic_(previous|next|language_[a-z]{2}|open_[a-z0-9-]+)$/,
    'topic_share',
    /^(tip|quiz)_open$/,
    /^feedback_(up|down)$/,
    /^quiz_answer_(networking|media|both)$/,
    'quiz_share',
    /^browse_(open_[a-z0-9-]+|previous|next|list)$/,
    'browse_language',
    { type: 'block_actions' },
  ],
  shortcuts: [
    { callback_id: 'explain_message', type: 'message_action' },
    { callback_id: 'browse_topics', type: 'shortcut' },
  ],
  views: [{ callback_id: 'browse_topics_modal', type: 'view_submission' }],
};
