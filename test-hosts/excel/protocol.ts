// The RichApi protocol core of the fake Excel host: it executes the ProcessQuery request that
// Microsoft's real Excel JavaScript client sends on context.sync() ({Actions, ObjectPaths})
// and answers {Results:[{ActionId, Value}]} or {Results, Error}, in the shape the client's
// processResponse() consumes. It resolves object paths and hands every member to the handler of
// its object's type (objects/*.ts); it models no object type itself.
//
// Protocol, as the client speaks it (office-js 1.1.110):
//  - Action types: 1 Instantiate, 2 Query (a load), 3 Method, 4 SetProperty, 5 Trace,
//    7 QueryAsJson (retrieve(); not implemented).
//  - Object path types: 1 Global (the workbook), 3 Method (getRange, add…), 4 Property
//    (worksheets, format, fill…), 5 Indexer (getItem), 6 ReferenceId, 7 NullObject.
//  - Instantiate answers {_ReferenceId} for Range/RangeAreas (the client then addresses the
//    object by that id in later requests), {Id} for a Worksheet or a Chart (the client rewrites the
//    path to worksheets[Id] / charts[Id]), null for a missing *OrNullObject.
//  - Query answers use PascalCase keys; navigation loads nest; collections answer {_Items:[…]}
//    (plus their own scalars, e.g. ChartCollection {Count}, when selected).
//  - Errors: {Error:{Code, Message, HttpStatusCode, Location, ActionIndex}}; the client turns
//    them into OfficeExtension.Error with that code and debugInfo.statement.
//
// Real Excel behaviour modelled: a failing action stops the request there, the actions before it
// staying applied; the client learns `isNullObject` from a null answer to Instantiate (or to a
// load), so a `load('isNullObject')` selects nothing the host has to answer.
//
// Kinder than real Excel:
//  - Null objects (unless FakeExcelHostOptions.strictNullObjects): anything asked of a null
//    object — an `*OrNullObject` result that found nothing — answers null, and its children are
//    null objects too, so a batch can walk `getNextOrNullObject()` past the last sheet and keep
//    queueing loads and calls on what it got. No document promises every Excel does so. In strict
//    mode a null object answers only the isNullObject query (Instantiate, `load('isNullObject')`,
//    the client's own `_KeepReference`) and a load of its own properties (null), as Microsoft's
//    samples load a getUsedRangeOrNullObject() result before checking isNullObject; any method
//    call, navigation or property write on it, or anything asked of what is reached from it, fails
//    the request with GeneralException.
//  - Protection failures are atomic: a request that raises AccessDenied leaves nothing applied
//    (Excel applies the batch up to the failing action), so "nothing half-written" can be
//    asserted. Other errors keep Excel's partial application.
//  - Requests never fail for reasons outside the request: no cell-editing mode
//    (InvalidOperationInCellEditMode), no throttling or timeouts, no co-authoring conflicts.
//
// Anything this fake does not model fails loudly with code "NotImplemented" naming the member.

import { HostError, MESSAGES, notImplemented } from './a1.js';
import { type SupportedSets, requireVersion, supports, versionOf } from './api-sets.js';
import { alive, lcFirst, ucFirst } from './objects/common.js';
import { handlerOf, isHostObject } from './objects/index.js';
import type { Host, HostObject, Target } from './objects/types.js';

// ---------- wire types ----------

export interface RichApiArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}
export interface RichApiObjectPath {
  Id: number;
  ObjectPathType: number;
  Name?: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: RichApiArgumentInfo;
}
export interface RichApiQueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}
export interface RichApiAction {
  Id: number;
  ActionType: number;
  Name?: string;
  ObjectPathId: number;
  ArgumentInfo?: RichApiArgumentInfo;
  QueryInfo?: RichApiQueryInfo;
}
export interface RichApiRequest {
  AutoKeepReference?: boolean;
  Actions: RichApiAction[];
  ObjectPaths?: Record<string, RichApiObjectPath>;
}
export interface RichApiError {
  Code: string;
  Message: string;
  HttpStatusCode: number;
  Location: string;
  ActionIndex: number;
}
export interface RichApiResponse {
  Results: { ActionId: number; Value: unknown }[];
  Error?: RichApiError;
}

export const ACTION_KINDS: Readonly<Record<number, string>> = {
  1: 'Instantiate',
  2: 'Query',
  3: 'Method',
  4: 'SetProperty',
  5: 'Trace',
  6: 'RecursiveQuery',
  7: 'QueryAsJson',
  8: 'EnsureUnchanged',
  9: 'Update',
};

export interface RequestStats {
  /** 0-based request number since the host was created (or reset). */
  index: number;
  requestBytes: number;
  responseBytes: number;
  actionCount: number;
  /** Actions by kind: Instantiate, Query, Method, SetProperty… */
  actions: Record<string, number>;
  /** Actions by kind and member, e.g. "SetProperty Range.Values", "Query Range [values,numberFormat]". */
  members: Record<string, number>;
  /** Only _RemoveReference calls (Excel.run's cleanup batch), not a sync of the add-in's own. */
  cleanupOnly: boolean;
  calcSuspended: boolean;
  screenUpdatingSuspended: boolean;
  /** Error code the request failed with, or null. */
  error: string | null;
}

/** What the protocol core needs of the host beyond what handlers may ask. */
export interface ProtocolHost extends Host {
  readonly options: Host['options'] & { readonly strictNullObjects: boolean };
  readonly supportedSets: SupportedSets;
  /** The reference id of a Range/RangeAreas (made on first use): what Instantiate answers. */
  keep(obj: Target): string;
  /** The object a reference id stands for, while the client holds it. */
  referenced(ref: string): Target | undefined;
  /** Captures the workbook and the references; the function returned puts them back. */
  checkpoint(): () => void;
}

/** Excel.run's cleanup batch: only `_RemoveReference` calls (and the Instantiates they need). */
export function isCleanupOnly(actions: RichApiAction[]): boolean {
  return actions.some((a) => a.Name === '_RemoveReference') && actions.every((a) => a.ActionType === 1 || (a.ActionType === 3 && a.Name === '_RemoveReference'));
}

/**
 * A call on a null object in strict mode. The code is an assumption: no document says what an
 * Excel that does not answer null objects kindly reports. GeneralException ("There was an
 * internal error while processing the request.") is the one an unexpected failure of the host
 * gets; nothing about the call's arguments is wrong, so InvalidArgument would mislead.
 */
function nullObjectError(what: string, origin: string): HostError {
  return new HostError('GeneralException', `${MESSAGES.GeneralException} (strict null objects: ${what} on the null object of ${origin})`, 500);
}

/** A load that asks for nothing but `isNullObject` (the client learns it from the null answer). */
function onlyIsNullObject(qi: RichApiQueryInfo | undefined): boolean {
  const select = qi?.Select ?? [];
  return select.length > 0 && select.every((s) => s.trim() === 'isNullObject') && !(qi?.Expand && qi.Expand.length > 0);
}

/** Executes one request against the host's workbook. */
export function executeRequest(host: ProtocolHost, body: RichApiRequest, stats: RequestStats): RichApiResponse {
  return new RequestRun(host, body.ObjectPaths ?? {}).execute(Array.isArray(body.Actions) ? body.Actions : [], stats);
}

/** One request: its object path table and resolution cache (each path is resolved once). */
class RequestRun {
  private readonly cache = new Map<number, HostObject | null>();
  /** For each path that resolved to a null object: the *OrNullObject call the null came from. */
  private readonly nullOrigin = new Map<number, string>();
  private location = '';

  constructor(
    private readonly host: ProtocolHost,
    private readonly paths: Record<string, RichApiObjectPath>,
  ) {}

  execute(actions: RichApiAction[], stats: RequestStats): RichApiResponse {
    const host = this.host;
    stats.actionCount = actions.length;
    stats.cleanupOnly = isCleanupOnly(actions);
    const results: RichApiResponse['Results'] = [];
    host.book.calcSuspended = false;
    // Atomic protection failures. Real Excel applies a batch up to the failing action and stops
    // there. For the harness's "nothing half-written" guarantee, a request that hits a protected
    // sheet (AccessDenied) must leave NOTHING applied: when the request could touch protection
    // (a protected sheet exists, or the request calls protect()), the workbook is captured first
    // and restored if AccessDenied is raised — the observable effect of validating protection for
    // the whole request before applying any action. Other errors keep Excel's partial application.
    const restore = host.book.hasProtectedSheet() || actions.some((a) => a.Name === 'Protect') ? host.checkpoint() : null;
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i];
      if (!a) continue;
      const kind = ACTION_KINDS[a.ActionType] ?? `ActionType${a.ActionType}`;
      stats.actions[kind] = (stats.actions[kind] ?? 0) + 1;
      try {
        this.location = '';
        const obj = this.resolve(a.ObjectPathId);
        const argObjs = this.argumentObjects(a.ArgumentInfo?.ReferencedObjectPathIds);
        const args = a.ArgumentInfo?.Arguments ?? [];
        const member = `${kind} ${obj ? obj.t : 'null'}${a.Name ? `.${a.Name}` : ''}${a.QueryInfo?.Select ? ` [${a.QueryInfo.Select.join(',')}]` : ''}`;
        stats.members[member] = (stats.members[member] ?? 0) + 1;
        if (obj && a.Name) this.location = `${obj.t}.${lcFirst(a.Name)}`;
        if (!obj && a.ActionType >= 2 && a.ActionType <= 4) this.refuseOnNull(a);
        switch (a.ActionType) {
          case 1:
            results.push({ ActionId: a.Id, Value: this.instantiate(obj) });
            break;
          case 2:
            results.push({ ActionId: a.Id, Value: obj ? this.query(obj, a.QueryInfo ?? {}) : null });
            break;
          case 3: {
            if (!obj) {
              results.push({ ActionId: a.Id, Value: null });
              break;
            }
            const v = this.method(obj, a.Name ?? '', args, argObjs);
            results.push({ ActionId: a.Id, Value: isHostObject(v) ? this.instantiate(v) : (v ?? null) });
            break;
          }
          case 4:
            if (obj) this.setProperty(obj, a.Name ?? '', args[0]);
            break;
          case 5:
            results.push({ ActionId: a.Id, Value: null });
            break;
          default:
            throw notImplemented(`action type ${kind}`);
        }
      } catch (e) {
        if (!(e instanceof HostError)) throw e;
        stats.error = e.code;
        stats.calcSuspended = host.book.calcSuspended;
        const error: RichApiError = { Code: e.code, Message: e.message, HttpStatusCode: e.httpStatusCode, Location: this.location || this.describe(a), ActionIndex: i };
        if (e.code === 'AccessDenied' && restore) {
          restore();
          return { Results: [], Error: error };
        }
        return { Results: results, Error: error };
      }
    }
    stats.calcSuspended = host.book.calcSuspended;
    return { Results: results };
  }

  /** Paths that are an *OrNullObject method's own null answer (not a member of a null object). */
  private readonly directNulls = new Set<number>();

  /** Strict null objects: a method call or property write on a null object, or a load of anything reached from one, fails; the isNullObject query and a load of the null answer itself do not. */
  private refuseOnNull(a: RichApiAction): void {
    if (!this.host.options.strictNullObjects) return;
    if (a.ActionType === 2 && onlyIsNullObject(a.QueryInfo)) return;
    // Loading an *OrNullObject result, then checking isNullObject after the sync, is the pattern
    // Microsoft's own samples use (its properties come back null): allowed. What is refused is asking
    // anything of a null object's members, or calling a method on it.
    if (a.ActionType === 2 && this.directNulls.has(a.ObjectPathId)) return;
    // The client keeps a reference to every range it tracks, null or not.
    if (a.ActionType === 3 && a.Name === '_KeepReference') return;
    const what = a.ActionType === 2 ? `load(${(a.QueryInfo?.Select ?? []).join(',')})` : a.ActionType === 4 ? `setting ${lcFirst(a.Name ?? '')}` : `${lcFirst(a.Name ?? '')}()`;
    this.location = lcFirst(a.Name || ACTION_KINDS[a.ActionType] || '');
    throw nullObjectError(what, this.nullOrigin.get(a.ObjectPathId) ?? 'a null object path');
  }

  private describe(a: RichApiAction): string {
    const p = this.paths[String(a.ObjectPathId)];
    return lcFirst(a.Name || p?.Name || ACTION_KINDS[a.ActionType] || '');
  }

  private argumentObjects(ids: unknown[] | undefined): (HostObject | null)[] {
    return (ids ?? []).map((id) => (typeof id === 'number' && id > 0 ? this.resolve(id) : null));
  }

  // ---------- object paths ----------

  private resolve(id: number): HostObject | null {
    if (this.cache.has(id)) return this.cache.get(id) ?? null;
    const p = this.paths[String(id)];
    if (!p) throw new HostError('InvalidObjectPath', `The object path ${id} isn't part of the request.`, 400);
    const parentId = p.ParentObjectPathId;
    const hasParent = parentId !== undefined && parentId !== null;
    const parent = hasParent ? this.resolve(parentId) : null;
    const args = p.ArgumentInfo?.Arguments ?? [];
    const name = p.Name ?? '';
    let obj: HostObject | null;
    if (hasParent && parent === null && (p.ObjectPathType === 3 || p.ObjectPathType === 4 || p.ObjectPathType === 5)) {
      // A member of a null object: kindly, a null object too.
      const origin = this.nullOrigin.get(parentId) ?? 'a null object path';
      if (this.host.options.strictNullObjects) {
        this.location = p.ObjectPathType === 5 ? 'getItem' : lcFirst(name);
        throw nullObjectError(p.ObjectPathType === 3 ? `${lcFirst(name)}()` : p.ObjectPathType === 5 ? 'getItem()' : lcFirst(name), origin);
      }
      this.nullOrigin.set(id, origin);
      this.cache.set(id, null);
      return null;
    }
    switch (p.ObjectPathType) {
      case 1:
        obj = { t: 'Workbook' };
        break;
      case 3: {
        if (!parent) throw new HostError('InvalidObjectPath', `Method path ${name} has no parent.`, 400);
        this.location = `${parent.t}.${lcFirst(name)}`;
        const v = this.method(parent, name, args, this.argumentObjects(p.ArgumentInfo?.ReferencedObjectPathIds));
        if (v !== null && !isHostObject(v)) throw new HostError('InvalidObjectPath', `${parent.t}.${name} does not return an object.`, 400);
        obj = v;
        if (obj === null) {
          this.nullOrigin.set(id, `${parent.t}.${lcFirst(name)}`);
          this.directNulls.add(id);
        }
        break;
      }
      case 4:
        if (!parent) {
          obj = null;
          break;
        }
        this.location = `${parent.t}.${lcFirst(name)}`;
        obj = this.navigate(parent, name);
        break;
      case 5:
        if (!parent) {
          obj = null;
          break;
        }
        this.location = `${parent.t}.getItem`;
        obj = this.indexer(parent, args);
        break;
      case 6: {
        const t = this.host.referenced(name);
        if (!t) throw new HostError('InvalidObjectPath', `The object reference ${name} is no longer valid.`, 400);
        alive(this.host, t.sheet);
        obj = t;
        break;
      }
      case 7:
        obj = null;
        this.nullOrigin.set(id, 'a null object path');
        break;
      default:
        throw notImplemented(`object path type ${p.ObjectPathType}`);
    }
    this.cache.set(id, obj);
    return obj;
  }

  /** Result of an Instantiate action: how the client learns an object's identity. */
  private instantiate(obj: HostObject | null): unknown {
    if (!obj) return null;
    if (obj.t === 'Range' || obj.t === 'RangeAreas') return { _ReferenceId: this.host.keep(obj) };
    const id = handlerOf(obj).id?.(obj);
    return id === undefined ? {} : { Id: id };
  }

  // ---------- dispatch to the handlers ----------

  /** Throws ApiNotFound when the member belongs to an ExcelApi set this Excel lacks. */
  private requireSet(type: string, member: string): void {
    const version = versionOf(type, member);
    if (version) requireVersion(this.host.supportedSets, `${type}.${lcFirst(member)}`, version);
  }

  private navigate(o: HostObject, name: string): HostObject {
    this.requireSet(o.t, name);
    const child = handlerOf(o).navigate?.(o, name, this.host);
    if (child === undefined) throw notImplemented(`property ${o.t}.${name}`);
    return child;
  }

  private indexer(o: HostObject, args: unknown[]): HostObject {
    const index = handlerOf(o).indexer;
    if (!index) throw notImplemented(`${o.t}.getItem`);
    return index(o, args, this.host);
  }

  private method(o: HostObject, name: string, args: unknown[], argObjs: (HostObject | null)[]): unknown {
    if (name === '_KeepReference') {
      if (o.t === 'Range' || o.t === 'RangeAreas') this.host.keep(o);
      return null;
    }
    if (name !== '_RemoveReference') this.requireSet(o.t, name);
    const v = handlerOf(o).method?.(o, name, { args, argObjs }, this.host);
    if (v === undefined) throw notImplemented(`method ${o.t}.${name}`);
    return v;
  }

  private setProperty(o: HostObject, name: string, v: unknown): void {
    this.requireSet(o.t, name);
    if (!handlerOf(o).setProperty?.(o, name, v, this.host)) throw notImplemented(`setting ${o.t}.${name}`);
  }

  // ---------- Query ----------

  private query(o: HostObject, qi: RichApiQueryInfo): unknown {
    const select = qi.Select && qi.Select.length > 0 ? qi.Select : null;
    const expand = qi.Expand && qi.Expand.length > 0 ? qi.Expand : null;
    const handler = handlerOf(o);
    const items = handler.items?.(o, this.host);
    if (!items) return this.select(o, select, expand);
    const strip = (list: string[] | null): string[] | null => (list ? list.map((s) => s.replace(/^items\//, '')).filter((s) => s !== 'items' && s !== '') : null);
    let list = items;
    if (qi.Skip) list = list.slice(qi.Skip);
    if (qi.Top !== undefined && qi.Top !== null) list = list.slice(0, qi.Top);
    // The client strips "items/", so a collection's own properties (count) arrive mixed with
    // the items' ones: answer those at the collection level, the rest per item.
    const own = handler.collectionScalars?.(o, this.host) ?? {};
    const out: Record<string, unknown> = {};
    const all = strip(select);
    const sel = all ? all.filter((s) => !own[ucFirst(s.trim())]) : null;
    for (const s of all ?? []) {
      const P = ucFirst(s.trim());
      const g = own[P];
      if (!g) continue;
      this.requireSet(o.t, P);
      out[P] = g();
    }
    const exp = strip(expand);
    // load('count') alone loads the count, not the items.
    if (all && all.length > 0 && sel?.length === 0 && !exp?.length) return out;
    out._Items = list.map((it) => this.select(it, sel && sel.length > 0 ? sel : null, exp));
    return out;
  }

  private select(o: HostObject, select: string[] | null, expand: string[] | null): Record<string, unknown> {
    const handler = handlerOf(o);
    const getters = handler.scalars?.(o, this.host) ?? {};
    const out: Record<string, unknown> = {};
    const nested = new Map<string, string[] | null>();
    const addNested = (head: string, rest: string): void => {
      const cur = nested.get(head);
      if (rest === '') nested.set(head, null);
      else if (cur !== null) nested.set(head, [...(cur ?? []), rest]);
    };
    if (!select) {
      // An older Excel does not know the newer properties, so a load-all leaves them out.
      for (const [k, g] of Object.entries(getters)) if (supports(this.host.supportedSets, o.t, k)) out[k] = g();
    } else {
      for (const path of select) {
        const [head = '', ...rest] = path.split('/');
        const P = ucFirst(head.trim());
        // The client works isNullObject out from whether the answer is null: nothing to add.
        if (P === 'IsNullObject' && rest.length === 0) continue;
        const g = getters[P];
        if (g && rest.length === 0) {
          this.requireSet(o.t, P);
          out[P] = g();
        } else addNested(P, rest.join('/'));
      }
    }
    for (const path of expand ?? []) {
      const [head = '', ...rest] = path.split('/');
      addNested(ucFirst(head.trim()), rest.join('/'));
    }
    for (const [P, sub] of nested) {
      const child = this.navigate(o, P);
      out[P] = this.query(child, sub ? { Select: sub } : {});
    }
    // Identity: the client rewrites paths to worksheets[Id] / charts[Id].
    const id = handler.id?.(o);
    if (id !== undefined) out.Id = id;
    return out;
  }
}
