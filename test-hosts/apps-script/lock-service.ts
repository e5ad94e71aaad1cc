// LockService and Lock: the document, script and user locks (fake.locks).
//
// Models (Lock and LockService references): getDocumentLock() gives null outside a containing
// document (set-up `boundToDocument: false`); waitLock throws when it cannot get the lock in time;
// releaseLock has no effect when the lock is not held. tryLock has no effect when the lock is
// already held (README.md, "LockService"). Each acquisition, release and loss to a dialog is
// counted in FakeLockState.
// Kinder than the real host: nothing waits. There is no other execution; `heldByAnother` stands for
// one, so tryLock gives false at once, and waitLock throws at once, instead of waiting out the
// timeout (which is only checked to be a number). Tests may flip `heldByAnother` between calls.

import type { Fake } from './engine';
import { FakeObject } from './service-proxy';
import { AppsScriptException, typeName } from './values';

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export interface FakeLockState {
  /** Held by the running script. */
  held: boolean;
  /** Held by another execution (tests may flip this between calls). */
  heldByAnother: boolean;
  acquisitions: number;
  releases: number;
  /** Times an alert or prompt dropped the lock (Apps Script does not keep locks across them). */
  lostToDialogs: number;
}

export type FakeLocks = { document: FakeLockState; script: FakeLockState; user: FakeLockState };

export function newLockState(heldByAnother: boolean): FakeLockState {
  return { held: false, heldByAnother, acquisitions: 0, releases: 0, lostToDialogs: 0 };
}

/** An alert or prompt drops every lock the script holds (Apps Script does not keep locks across them). */
export function dropLocksForDialog(locks: FakeLocks): void {
  for (const l of Object.values(locks)) {
    if (l.held) {
      l.held = false;
      l.lostToDialogs++;
    }
  }
}

export class RawLock extends FakeObject {
  readonly kind = 'Lock';
  constructor(private readonly _s: FakeLockState) {
    super();
  }
  /** Has no effect when the lock is already held. */
  tryLock(timeoutInMillis: unknown): boolean {
    if (typeof timeoutInMillis !== 'number') throw new AppsScriptException(`The parameters (${typeName(timeoutInMillis)}) don't match the method signature for Lock.tryLock.`);
    if (this._s.held) return true;
    if (this._s.heldByAnother) return false;
    this._s.held = true;
    this._s.acquisitions++;
    return true;
  }
  waitLock(timeoutInMillis: unknown): void {
    if (typeof timeoutInMillis !== 'number') throw new AppsScriptException(`The parameters (${typeName(timeoutInMillis)}) don't match the method signature for Lock.waitLock.`);
    if (!this.tryLock(timeoutInMillis)) throw new AppsScriptException(LOCK_TIMEOUT);
  }
  /** Has no effect when the lock is not held. */
  releaseLock(): void {
    if (!this._s.held) return;
    this._s.held = false;
    this._s.releases++;
  }
  hasLock(): boolean {
    return this._s.held;
  }
}

export class RawLockService extends FakeObject {
  readonly kind = 'LockService';
  constructor(private readonly _f: Fake) {
    super();
  }
  /** null when the script is not bound to a document. */
  getDocumentLock(): RawLock | null {
    return this._f.boundToDocument ? new RawLock(this._f.locks.document) : null;
  }
  getScriptLock(): RawLock {
    return new RawLock(this._f.locks.script);
  }
  getUserLock(): RawLock {
    return new RawLock(this._f.locks.user);
  }
}
