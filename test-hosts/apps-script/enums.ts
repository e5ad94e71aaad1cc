// Apps Script's enums (ProtectionType, Button, ButtonSet, XFrameOptionsMode …) are plain objects, as
// in Apps Script: reading one is a property read, not a call, and is never counted. A value has
// name(), ordinal() and toString(), and calling those is not counted either (README.md).
// Each enum is defined next to the object that hands it out.

export class FakeEnumValue {
  constructor(
    private readonly typeName_: string,
    private readonly name_: string,
    private readonly ordinal_: number,
  ) {}
  name(): string {
    return this.name_;
  }
  ordinal(): number {
    return this.ordinal_;
  }
  toString(): string {
    return this.name_;
  }
  toJSON(): string {
    return this.name_;
  }
  get enumType(): string {
    return this.typeName_;
  }
}

export function makeEnum<K extends string>(type: string, names: readonly K[]): Readonly<Record<K, FakeEnumValue>> {
  const out = {} as Record<K, FakeEnumValue>;
  names.forEach((n, i) => (out[n] = new FakeEnumValue(type, n, i)));
  return Object.freeze(out);
}
