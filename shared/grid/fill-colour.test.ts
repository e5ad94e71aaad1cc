import { describe, expect, it } from 'vitest';
import { fillColour } from './grid';

describe('fillColour', () => {
  it.each([
    ['#ffffff', null],
    ['#FFFFFF', null],
    ['FFFFFF', null],
    ['', null],
    [null, null],
    [undefined, null],
    ['#ff0000', '#FF0000'],
    ['c4e5cd', '#C4E5CD'],
  ])('%s → %s', (colour, want) => expect(fillColour(colour)).toBe(want));
});
