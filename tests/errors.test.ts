// The one error table: every code is served with a 4xx/5xx status and a message a person can act on.
import { describe, expect, it } from 'vitest';
import { AppError, ERRORS, type ErrorCode } from '../src/errors.ts';

describe('the error table (src/errors.ts)', () => {
  it.each(Object.keys(ERRORS) as ErrorCode[])('%s has an error status and a message', (code) => {
    const { status, message } = ERRORS[code];
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(message).toMatch(/[.)]$/);
  });

  it("gives an error the table's status and, unless the thrower says more, its message", () => {
    const scanned = new AppError('SCANNED_PDF');
    expect(scanned.status).toBe(422);
    expect(scanned.message).toContain('không có lớp chữ');
    const seed = new AppError('CONFLICT', '"QT-2023" is a bundled sample report and cannot be deleted.');
    expect([seed.status, seed.message]).toEqual([409, '"QT-2023" is a bundled sample report and cannot be deleted.']);
  });
});
