/**
 * Colours that stay apart for the common forms of colour blindness (Okabe–Ito), each
 * paired with its own dash pattern so a printed, greyscale chart still reads.
 */
export const SERIES_STYLES: readonly { readonly color: string; readonly dash: string | undefined }[] = [
  { color: '#0072b2', dash: undefined },
  { color: '#d55e00', dash: '10 5' },
  { color: '#009e73', dash: '3 4' },
  { color: '#cc79a7', dash: '12 4 3 4' },
  { color: '#e69f00', dash: '6 3' },
  { color: '#56b4e9', dash: '2 2' },
];

export const INK = '#1d2433';
export const MUTED = '#5b6472';
export const GRID = '#e4e0d8';

export const TONES = {
  info: '#0072b2',
  warning: '#b35900',
  danger: '#c0392b',
} as const;

export type Tone = keyof typeof TONES;
