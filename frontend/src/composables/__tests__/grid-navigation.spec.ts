import { describe, expect, it } from 'vitest';
import { gridMoveFor, handleGridKeydown, stepPosition } from '../grid-navigation';

describe('gridMoveFor', () => {
  const edges = { atStart: true, atEnd: true };
  const middle = { atStart: false, atEnd: false };

  it('moves up and down with arrows and Enter', () => {
    expect(gridMoveFor({ key: 'ArrowDown' }, middle)).toBe('down');
    expect(gridMoveFor({ key: 'ArrowUp' }, middle)).toBe('up');
    expect(gridMoveFor({ key: 'Enter' }, middle)).toBe('down');
    expect(gridMoveFor({ key: 'Enter', shiftKey: true }, middle)).toBe('up');
  });

  it('leaves left and right to the text until the caret is at its edge', () => {
    expect(gridMoveFor({ key: 'ArrowLeft' }, middle)).toBeNull();
    expect(gridMoveFor({ key: 'ArrowLeft' }, edges)).toBe('left');
    expect(gridMoveFor({ key: 'ArrowRight' }, { atStart: false, atEnd: true })).toBe('right');
  });

  it('leaves other keys and modified arrows alone', () => {
    expect(gridMoveFor({ key: 'Tab' }, edges)).toBeNull();
    expect(gridMoveFor({ key: 'ArrowDown', altKey: true }, edges)).toBeNull();
    expect(gridMoveFor({ key: 'ArrowRight', ctrlKey: true }, edges)).toBeNull();
  });
});

describe('stepPosition', () => {
  it('steps one cell', () => {
    expect(stepPosition({ row: 2, col: 3 }, 'left')).toEqual({ row: 2, col: 2 });
    expect(stepPosition({ row: 2, col: 3 }, 'down')).toEqual({ row: 3, col: 3 });
  });
});

describe('handleGridKeydown', () => {
  function grid(): HTMLElement {
    const box = document.createElement('div');
    box.innerHTML = [0, 1, 2]
      .map(
        (r) =>
          `<div>${[0, 1].map((c) => `<input id="c${r}${c}" data-row="${r}" data-col="${c}" value="${r}${c}">`).join('')}</div>`,
      )
      .join('');
    document.body.appendChild(box);
    return box;
  }
  const press = (el: HTMLElement, key: string, init: KeyboardEventInit = {}) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    Object.defineProperty(event, 'target', { value: el });
    return event;
  };

  it('moves the focus to the neighbouring cell and selects its text', () => {
    const box = grid();
    const start = box.querySelector<HTMLInputElement>('#c00')!;
    start.focus();
    const down = press(start, 'Enter');
    handleGridKeydown(down, box);
    expect(down.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('c10');
    const here = document.activeElement as HTMLInputElement;
    here.setSelectionRange(2, 2);
    handleGridKeydown(press(here, 'ArrowRight'), box);
    expect(document.activeElement?.id).toBe('c11');
    box.remove();
  });

  it('stays put at the edge of the grid', () => {
    const box = grid();
    const last = box.querySelector<HTMLInputElement>('#c21')!;
    last.focus();
    const event = press(last, 'ArrowDown');
    handleGridKeydown(event, box);
    expect(event.defaultPrevented).toBe(false);
    expect(document.activeElement?.id).toBe('c21');
    box.remove();
  });
});
