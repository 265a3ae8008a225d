import { describe, expect, it } from 'vitest';
import { notebookInputs } from '../../src/notebook/input.ts';

describe('notebookInputs', () => {
  it('takes the DATA cell’s paths unless XXGK_INPUT names others', () => {
    expect(notebookInputs(['data/raw'], {})).toEqual(['data/raw']);
    expect(notebookInputs(['data/raw'], { XXGK_INPUT: '' })).toEqual(['data/raw']);
    expect(notebookInputs(['data/raw'], { XXGK_INPUT: '/r/2019:/r/2020' })).toEqual(['/r/2019', '/r/2020']);
  });
});
