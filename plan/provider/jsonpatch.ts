// The JSON Patch the AWS provider's `aws.cloudcontrol.Resource` computes between its old and new `desiredState`: a copy of
// github.com/mattbaird/jsonpatch (jsonpatch.go at 0ba75a80, the version terraform-provider-aws's go.mod requires), which
// the provider calls through internal/json/patch.go. Not a minimal RFC 6902 diff: objects are compared key by key (a new
// key is `add`, a missing one `remove`, a changed type `replace`), arrays of the same length element by element, and
// arrays of different lengths by value (`remove` of each old element missing from the new array, last first, then `add`
// of each new element missing from the old one). Go iterates maps in random order; this copy keeps the keys' order.

export interface PatchOperation {
    op: "add" | "remove" | "replace";
    path: string;
    value?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** RFC 6901: `~` as `~0`, `/` as `~1` (makePath). */
const makePath = (path: string, part: string | number) =>
    `${path.endsWith("/") ? path : `${path}/`}${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`;

function matchesValue(a: Json, b: Json): boolean {
    if (kind(a) !== kind(b)) return false;
    if (Array.isArray(a)) return a.length === (b as Json[]).length && a.every((x, i) => matchesValue(x, (b as Json[])[i]));
    if (typeof a === "object" && a !== null) {
        const bo = b as Record<string, Json>;
        return [...new Set([...Object.keys(a), ...Object.keys(bo)])].every((k) => matchesValue(a[k] ?? null, bo[k] ?? null));
    }
    return a === b;
}

/** reflect.DeepEqual of two decoded JSON values: the same kind, and the same elements or keys and values. */
function deepEqual(a: Json, b: Json): boolean {
    if (kind(a) !== kind(b)) return false;
    if (Array.isArray(a)) return a.length === (b as Json[]).length && a.every((x, i) => deepEqual(x, (b as Json[])[i]));
    if (typeof a === "object" && a !== null) {
        const bo = b as Record<string, Json>;
        const keys = Object.keys(a);
        return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && deepEqual(a[k], bo[k]));
    }
    return a === b;
}

function diff(a: Record<string, Json>, b: Record<string, Json>, path: string, patch: PatchOperation[]): void {
    for (const [key, bv] of Object.entries(b)) {
        const p = makePath(path, key);
        if (!(key in a)) patch.push({ op: "add", path: p, value: bv });
        else if (kind(a[key]) !== kind(bv)) patch.push({ op: "replace", path: p, value: bv });
        else handleValues(a[key], bv, p, patch);
    }
    for (const key of Object.keys(a)) if (!(key in b)) patch.push({ op: "remove", path: makePath(path, key) });
}

/** Calls `apply` for each element of `av` with no equal element left in `bv` (processArray: duplicates matched once each). */
function processArray(av: Json[], bv: Json[], apply: (i: number, v: Json) => void): void {
    const taken = new Set<number>();
    av.forEach((v, i) => {
        const j = bv.findIndex((v2, i2) => !taken.has(i2) && deepEqual(v, v2));
        if (j >= 0) taken.add(j);
        else apply(i, v);
    });
}

function compareArray(av: Json[], bv: Json[], path: string): PatchOperation[] {
    const removed: PatchOperation[] = [];
    processArray(av, bv, (i) => removed.push({ op: "remove", path: makePath(path, i) }));
    const out = removed.reverse();
    processArray(bv, av, (i, v) => out.push({ op: "add", path: makePath(path, i), value: v }));
    return out;
}

function handleValues(av: Json, bv: Json, path: string, patch: PatchOperation[]): void {
    if (av === null) {
        if (bv !== null) patch.push({ op: "add", path, value: bv });
    } else if (Array.isArray(av)) {
        if (!Array.isArray(bv)) patch.push({ op: "replace", path, value: bv });
        else if (av.length !== bv.length) patch.push(...compareArray(av, bv, path));
        else bv.forEach((x, i) => handleValues(av[i], x, makePath(path, i), patch));
    } else if (typeof av === "object") {
        diff(av, bv as Record<string, Json>, path, patch);
    } else if (!matchesValue(av, bv)) {
        patch.push({ op: "replace", path, value: bv });
    }
}

/** CreatePatch: the operations that turn the JSON text `a` into `b`. */
export function createPatch(a: string, b: string): PatchOperation[] {
    const patch: PatchOperation[] = [];
    handleValues(JSON.parse(a), JSON.parse(b), "", patch);
    return patch;
}
