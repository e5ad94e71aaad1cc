import { describe, expect, it } from 'vitest';
import { describeHostError } from '../../src/host/host-errors';
import { refusalOf, WriteRefused } from '../../shared/workbook/write-refusal';

describe('write refusals', () => {
  it('are read back from the error itself', () => {
    expect(refusalOf(new WriteRefused({ code: 'sheet-gone', sheet: "O'Neil, plan" }))).toEqual({ code: 'sheet-gone', sheet: "O'Neil, plan" });
  });

  it('survive google.script.run, which passes only the message, with "Error: " in front', () => {
    const crossed = { message: `Error: ${new WriteRefused({ code: 'busy' }).message}` };
    expect(refusalOf(crossed)).toEqual({ code: 'busy' });
    expect(describeHostError(crossed)).toBe('Someone else is updating this spreadsheet with Plan Monitor right now. Nothing was changed. Try again in a minute.');
  });

  it('are worded in one place for every host', () => {
    expect(describeHostError(new WriteRefused({ code: 'sheet-protected', sheet: 'Plan' }))).toBe(
      "Sheet 'Plan' is protected, so Plan Monitor could not change it. Nothing was changed. Ask its owner to remove the protection, then try again.",
    );
    expect(describeHostError(new WriteRefused({ code: 'sheet-not-ours', sheet: 'Plan Monitor Settings' }))).toBe(
      "A sheet called 'Plan Monitor Settings' already exists and was not made by Plan Monitor, so Plan Monitor left it alone and saved nothing. Rename that sheet, then try again.",
    );
  });

  it('are not made up from a message that only looks like one', () => {
    expect(refusalOf(new Error('Plan Monitor refused: {"code":"launch"}'))).toBeNull();
    expect(refusalOf(new Error('Plan Monitor refused: {not json'))).toBeNull();
    expect(refusalOf(new Error('Plan Monitor refused: {"code":"sheet-gone","sheet":4}'))).toBeNull();
    expect(describeHostError(new Error('Plan Monitor refused: {not json'))).toBe('Something went wrong: Plan Monitor refused: {not json');
  });

  it('leave a sentence that is not ours marked as unexpected, rather than passing it off as a message of ours', () => {
    expect(describeHostError(new Error('Exception: Service Spreadsheets failed while accessing document.'))).toBe('Something went wrong: Exception: Service Spreadsheets failed while accessing document.');
  });
});
