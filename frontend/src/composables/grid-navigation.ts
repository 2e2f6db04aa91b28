/**
 * Spreadsheet-like movement between the inputs of a form table: arrow keys
 * move between cells (left and right only once the caret is at the edge of
 * the text, so that editing a number still works), Enter moves down and
 * Shift+Enter up. Tab keeps its usual order. Cells carry data-row and
 * data-col; hidden rows simply are not in the DOM.
 */

export interface GridPosition {
  row: number;
  col: number;
}

export interface CaretInfo {
  /** Whether the caret is at the start / end of the input's text (true for selects). */
  atStart: boolean;
  atEnd: boolean;
}

export type GridMove = 'up' | 'down' | 'left' | 'right';

export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** Which way a key press moves, or null when the input should have the key. */
export function gridMoveFor(event: KeyLike, caret: CaretInfo): GridMove | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return caret.atStart ? 'left' : null;
    case 'ArrowRight':
      return caret.atEnd ? 'right' : null;
    case 'Enter':
      return event.shiftKey ? 'up' : 'down';
    default:
      return null;
  }
}

export function stepPosition(from: GridPosition, move: GridMove): GridPosition {
  switch (move) {
    case 'up':
      return { row: from.row - 1, col: from.col };
    case 'down':
      return { row: from.row + 1, col: from.col };
    case 'left':
      return { row: from.row, col: from.col - 1 };
    case 'right':
      return { row: from.row, col: from.col + 1 };
  }
}

function caretOf(el: HTMLElement): CaretInfo {
  if (el instanceof HTMLInputElement && el.selectionStart !== null && el.selectionEnd !== null) {
    // With text selected (as after focusing by keyboard), left/right leave the cell.
    const all = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    return { atStart: all || el.selectionStart === 0, atEnd: all || el.selectionEnd === el.value.length };
  }
  return { atStart: true, atEnd: true };
}

function positionOf(el: HTMLElement): GridPosition | null {
  const row = Number(el.dataset.row);
  const col = Number(el.dataset.col);
  return Number.isInteger(row) && Number.isInteger(col) ? { row, col } : null;
}

/**
 * Handles a keydown inside a grid container: moves focus to the neighbouring
 * cell when there is one. Rows are found in DOM order, so filtered-out rows
 * are skipped.
 */
export function handleGridKeydown(event: KeyboardEvent, container: HTMLElement): void {
  const target = event.target as HTMLElement | null;
  if (!target || !container.contains(target)) return;
  const from = positionOf(target);
  if (!from) return;
  // An open dropdown list keeps its arrows.
  if (target instanceof HTMLSelectElement && event.key !== 'Enter' && event.altKey) return;
  const move = gridMoveFor(event, caretOf(target));
  if (!move) return;
  let next: HTMLElement | null = null;
  if (move === 'left' || move === 'right') {
    const to = stepPosition(from, move);
    next = container.querySelector<HTMLElement>(`[data-row="${to.row}"][data-col="${to.col}"]`);
  } else {
    // Next or previous rendered row that has this column.
    const inColumn = [...container.querySelectorAll<HTMLElement>(`[data-col="${from.col}"]`)];
    const index = inColumn.indexOf(target);
    next = inColumn[move === 'down' ? index + 1 : index - 1] ?? null;
  }
  if (!next) return;
  event.preventDefault();
  next.focus();
  if (next instanceof HTMLInputElement) next.select();
}
