// Wraps every fake service object in a Proxy that counts method calls and carries values across
// realms: a script run in a `vm` context gets that context's Date, Array and Error, so its
// `instanceof Date` checks behave as they do in Apps Script.

import * as vm from 'node:vm';
import { AppsScriptException, isDate } from './values';

/** Base of every fake service object. `kind` is the Apps Script class name used in call counts. */
export abstract class FakeObject {
  abstract readonly kind: string;
  toString(): string {
    return this.kind;
  }
}

export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Error: ErrorConstructor;
}

/** Properties that tools probe on any object (promises, test matchers, React, DOM checks). */
const PROBED = new Set(['then', 'catch', 'finally', 'toJSON', 'asymmetricMatch', 'nodeType', 'tagName', '$$typeof', 'inspect', 'constructor', 'prototype', 'length', 'size', 'call', 'apply', 'bind']);

export class ServiceProxies {
  readonly calls = new Map<string, number>();
  readonly callLog: string[] = [];
  private readonly toProxy = new WeakMap<object, object>();
  private readonly toRaw = new WeakMap<object, object>();
  private readonly realmSources: object[] = [];
  private realm: Realm | null = null;

  count(name: string): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    this.callLog.push(name);
  }

  reset(): void {
    this.calls.clear();
    this.callLog.length = 0;
  }

  /** Objects that may become (or already are) vm contexts: their realm is used once they are. */
  addRealmSource(o: object): void {
    this.realmSources.push(o);
  }

  useRealm(context: object): void {
    this.realm = vm.runInContext('({ Date: Date, Array: Array, Error: Error })', context as vm.Context) as Realm;
  }

  private currentRealm(): Realm | null {
    if (this.realm) return this.realm;
    for (const src of this.realmSources) {
      if (vm.isContext(src)) {
        this.useRealm(src);
        return this.realm;
      }
    }
    return null;
  }

  proxy<T extends FakeObject>(raw: T): T {
    const known = this.toProxy.get(raw);
    if (known) return known as T;
    const p = new Proxy(raw, {
      get: (target, prop) => {
        if (typeof prop === 'symbol') return Reflect.get(target, prop);
        // Internals (fields, helpers starting with "_") are not part of the Apps Script surface.
        if (prop.startsWith('_') || prop === 'kind') return undefined;
        if (prop in Object.prototype) {
          const own: unknown = Reflect.get(target, prop);
          return typeof own === 'function' ? (own as (...a: unknown[]) => unknown).bind(target) : own;
        }
        const v: unknown = Reflect.get(target, prop, target);
        if (typeof v === 'function') {
          const fn = v as (...args: unknown[]) => unknown;
          const name = `${target.kind}.${prop}`;
          return (...args: unknown[]) => {
            this.count(name);
            const rawArgs = args.map((a) => this.unwrap(a));
            let result: unknown;
            try {
              result = fn.apply(target, rawArgs);
            } catch (e) {
              throw this.exportError(e);
            }
            return this.exportValue(result);
          };
        }
        if (v !== undefined) return this.exportValue(v);
        if (PROBED.has(prop) || !/^[a-z][A-Za-z0-9]*$/.test(prop)) return undefined;
        const name = `${target.kind}.${prop}`;
        return () => {
          this.count(name);
          throw this.exportError(new Error(`Fake SpreadsheetApp: ${name} not implemented`));
        };
      },
      set: () => false,
      // Like Apps Script objects: JSON.stringify and test printers see no own properties.
      ownKeys: () => [],
    });
    this.toProxy.set(raw, p);
    this.toRaw.set(p, raw);
    return p;
  }

  unwrap(v: unknown): unknown {
    if (v !== null && typeof v === 'object') return this.toRaw.get(v) ?? v;
    return v;
  }

  /** Fake objects become proxies; arrays and dates are rebuilt in the script's realm. */
  exportValue(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof FakeObject) return this.proxy(v);
    if (Array.isArray(v)) {
      const realm = this.currentRealm();
      const items = v.map((x: unknown) => this.exportValue(x));
      return realm ? realm.Array.from(items) : items;
    }
    if (isDate(v)) {
      const realm = this.currentRealm();
      return realm ? new realm.Date(v.getTime()) : new Date(v.getTime());
    }
    return v;
  }

  exportError(e: unknown): unknown {
    const realm = this.currentRealm();
    if (!realm || !(e instanceof Error)) return e;
    const out = new realm.Error(e.message);
    out.name = e instanceof AppsScriptException ? 'Exception' : e.name;
    return out;
  }
}
