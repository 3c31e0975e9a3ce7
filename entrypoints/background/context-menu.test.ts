import { beforeEach, describe, expect, it, vi } from 'vitest';

const opened = vi.hoisted(() =>
  vi.fn((_tabId: number | undefined, _intent?: unknown) => Promise.resolve(true)),
);
vi.mock('./side-panel', () => ({ openSidePanel: opened }));

import { intentForMenu, MENU_ADD, MENU_LOOKUP, onMenuClick, selectionText } from './context-menu';

beforeEach(() => opened.mockClear());

describe('the context menu', () => {
  it('looks the selection up in Explore', () => {
    expect(intentForMenu(MENU_LOOKUP, '  Ascend\n 910B ')).toEqual({ view: 'explore', query: 'Ascend 910B' });
    void onMenuClick({ menuItemId: MENU_LOOKUP, selectionText: '昇腾' }, { id: 7 });
    expect(opened).toHaveBeenCalledWith(7, { view: 'explore', query: '昇腾' });
  });

  it('opens the entry editor named by the selection, cut to 120 characters', () => {
    void onMenuClick({ menuItemId: MENU_ADD, selectionText: ' Kunlun   P800 ' }, { id: 3 });
    expect(opened).toHaveBeenCalledWith(3, { view: 'new-entry', text: 'Kunlun P800' });
    const long = intentForMenu(MENU_ADD, 'x'.repeat(500));
    expect(long).toEqual({ view: 'new-entry', text: 'x'.repeat(120) });
    const search = intentForMenu(MENU_LOOKUP, 'y'.repeat(500));
    expect(search).toEqual({ view: 'explore', query: 'y'.repeat(200) });
  });

  it('opens the panel at once, in the click’s gesture, and ignores other menus’ items', () => {
    const result = onMenuClick({ menuItemId: MENU_ADD }, undefined);
    expect(opened).toHaveBeenCalledTimes(1);
    expect(opened).toHaveBeenCalledWith(undefined, { view: 'new-entry', text: '' });
    expect(result).toBeInstanceOf(Promise);
    expect(onMenuClick({ menuItemId: 'someone-else', selectionText: 'x' }, { id: 1 })).toBeUndefined();
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('never cuts a character in half', () => {
    expect(Array.from(selectionText(`${'a'.repeat(119)}😀😀`, 120))).toHaveLength(120);
    expect(selectionText(undefined, 10)).toBe('');
  });
});
