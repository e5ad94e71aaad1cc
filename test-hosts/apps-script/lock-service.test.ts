// LockService (lock-service.ts).
import { describe, expect, it } from 'vitest';
import { fake } from './test-fixture';

describe('LockService', () => {
  it('grants the document lock when free', () => {
    const { f } = fake();
    const lock = f.globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(10_000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    lock.waitLock(10_000);
    expect(f.locks.document).toMatchObject({ held: true, acquisitions: 2, releases: 1 });
  });

  it('refuses it when another execution holds it', () => {
    const { f } = fake({ lockHeldByAnother: true });
    const lock = f.globals.LockService.getDocumentLock();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(10_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    f.locks.document.heldByAnother = false;
    expect(lock.tryLock(10_000)).toBe(true);
  });

  it('gives no document lock outside a bound document, and drops locks across an alert', () => {
    expect(fake({ boundToDocument: false }).f.globals.LockService.getDocumentLock()).toBeNull();
    const { f, app } = fake();
    const lock = f.globals.LockService.getDocumentLock();
    lock.waitLock(1000);
    app.getUi().alert('Paused');
    expect(lock.hasLock()).toBe(false);
    expect(f.locks.document.lostToDialogs).toBe(1);
  });
});
