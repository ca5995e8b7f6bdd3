/** What a key does to the race player. */
export type PlayerAction = 'step' | 'back' | 'toggle' | 'reset' | 'leave';

export interface PlayerKey {
  /** `KeyboardEvent.key` values. */
  readonly keys: readonly string[];
  /** How the deck's help overlay writes them. */
  readonly label: string;
  readonly action: PlayerAction;
  readonly what: string;
}

/**
 * The race player's keys while it has focus: the one list its key handler (browser/player.ts)
 * obeys and the deck's help overlay shows, so the two cannot disagree.
 */
export const PLAYER_KEYS: readonly PlayerKey[] = [
  { keys: ['ArrowRight', 'ArrowDown'], label: '→ ↓', action: 'step', what: 'one step forward' },
  { keys: ['ArrowLeft', 'ArrowUp'], label: '← ↑', action: 'back', what: 'one step back' },
  { keys: [' ', 'k'], label: 'Space or k', action: 'toggle', what: 'play / pause' },
  { keys: ['Home'], label: 'Home', action: 'reset', what: 'back to where the player started' },
  { keys: ['Escape'], label: 'Esc', action: 'leave', what: 'leave the player: the deck keys work again' },
];

/** The action of a key, or undefined when the player leaves it to the deck. */
export function playerAction(key: string): PlayerAction | undefined {
  return PLAYER_KEYS.find((k) => k.keys.includes(key))?.action;
}
