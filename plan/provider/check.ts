// Check and Diff as the bridged AWS provider does them (pulumi-terraform-bridge provider.go Check and Diff): Check
// fills in defaults and reports what the schema and Terraform's validators reject, each failure ending
// ". Examine values at '<name>.<path>'."; Diff compares the program's inputs with the resource's state (not its old
// inputs), sets as sets, and replaces on a change to a ForceNew property.
import { Prop, ResourceSchema, Type, tfName } from "./schema";

/** How the engine sends a value it does not know yet (a preview) to a provider that does not accept outputs. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const isUnknown = (v: unknown): boolean =>
    v === UNKNOWN || (Array.isArray(v) ? v.some(isUnknown) : typeof v === "object" && v !== null && Object.values(v).some(isUnknown));

const jsKind = (v: unknown) => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

/** Type and validator failures of one value, with its Pulumi path and Terraform flatmap key. */
function checkValue(
    type: Type,
    prop: Prop | undefined,
    v: unknown,
    path: string,
    key: string,
    out: { path: string; reason: string }[],
): void {
    if (v === undefined || v === null || v === UNKNOWN) return;
    const wrong = (want: string): void =>
        void out.push({ path, reason: `expected ${want} type, got ${JSON.stringify(v)} of type ${jsKind(v)}` });
    switch (type.kind) {
        case "string":
            if (typeof v !== "string") return wrong("string");
            break;
        case "number":
        case "integer":
            if (typeof v !== "number") return wrong("number");
            break;
        case "boolean":
            if (typeof v !== "boolean") return wrong("boolean");
            break;
        case "array":
            if (!Array.isArray(v)) return wrong("array");
            v.forEach((x, i) => checkValue(type.items, prop, x, `${path}[${i}]`, `${key}.${i}`, out));
            return;
        case "map":
            if (typeof v !== "object" || Array.isArray(v)) return wrong("object");
            for (const [k, x] of Object.entries(v as object)) checkValue(type.values, undefined, x, `${path}.${k}`, `${key}.${k}`, out);
            return;
        case "object":
            if (typeof v !== "object" || Array.isArray(v)) return wrong("object");
            checkObject(type.properties, v as Record<string, unknown>, path, key, out);
            return;
    }
    const failure = prop?.validate?.(v, key);
    if (failure) out.push({ path, reason: failure });
}

function checkObject(
    props: Record<string, Prop>,
    value: Record<string, unknown>,
    path: string,
    key: string,
    out: { path: string; reason: string }[],
): void {
    for (const [name, prop] of Object.entries(props)) {
        if (!prop.input) continue;
        const v = value[name];
        const p = path ? `${path}.${name}` : name;
        const k = key ? `${key}.${tfName(name)}` : tfName(name);
        // The Terraform plugin SDK's text, with the bridge's doubled full stop (bridge provider_test.go).
        if (prop.required && (v === undefined || v === null))
            out.push({ path: p, reason: `Missing required argument. The argument "${k}" is required, but no definition was found.` });
        // A nested block is a list of one in Terraform: its flatmap key has ".0".
        else checkValue(prop.type, prop, v, p, prop.type.kind === "object" ? `${k}.0` : k, out);
    }
}

/** Defaults the provider fills in at Check, at every level of the inputs. */
function withDefaults(props: Record<string, Prop>, value: Record<string, unknown>): Record<string, unknown> {
    const result: Record<string, unknown> = { ...value };
    for (const [name, prop] of Object.entries(props)) {
        if (result[name] === undefined && prop.default !== undefined) result[name] = prop.default;
        const v = result[name];
        if (prop.type.kind === "object" && typeof v === "object" && v !== null && !isUnknown(v))
            result[name] = withDefaults(prop.type.properties, v as Record<string, unknown>);
        if (prop.type.kind === "array" && prop.type.items.kind === "object" && Array.isArray(v)) {
            const items = prop.type.items;
            result[name] = v.map((x) => (typeof x === "object" && x !== null ? withDefaults(items.properties, x) : x));
        }
    }
    return result;
}

/** The inputs as the provider keeps them (defaults filled in, `__defaults` naming them), and Check's failures. */
export function check(
    schema: ResourceSchema,
    name: string,
    news: Record<string, unknown>,
): { inputs: Record<string, unknown>; failures: string[] } {
    const found: { path: string; reason: string }[] = [];
    checkObject(schema.properties, news, "", "", found);
    const inputs = withDefaults(schema.properties, news);
    const defaulted = Object.keys(inputs).filter((k) => news[k] === undefined && !k.startsWith("__"));
    return {
        inputs: { ...inputs, __defaults: [...new Set([...((news.__defaults as string[]) ?? []), ...defaulted])] },
        failures: found.map((f) => `${f.reason}. Examine values at '${name}.${f.path}'.`),
    };
}

/** A value in the form Diff compares: zero values for what is not set, sets sorted, rules normalised. */
function normal(type: Type, v: unknown): unknown {
    switch (type.kind) {
        case "string":
            return v ?? "";
        case "number":
        case "integer":
            return v ?? 0;
        case "boolean":
            return v ?? false;
        case "map":
            return Object.fromEntries(Object.entries((v as object) ?? {}).sort(([a], [b]) => a.localeCompare(b)));
        case "array": {
            const items = ((v as unknown[]) ?? []).map((x) => normal(type.items, x));
            return type.set
                ? items
                      .map((x) => JSON.stringify(x))
                      .sort()
                      .map((x) => JSON.parse(x))
                : items;
        }
        case "object": {
            const o = Object.fromEntries(
                Object.entries(type.properties).map(([k, p]) => [k, normal(p.type, (v as Record<string, unknown>)?.[k])]),
            );
            return type.normalize ? type.normalize(o) : o;
        }
    }
}

/** Nested blocks the program leaves out but AWS fills in (Optional and Computed) keep the state's value: no diff. */
function withComputed(type: Type, v: unknown, state: unknown): unknown {
    if (type.kind !== "object" || typeof v !== "object" || v === null || typeof state !== "object" || state === null) return v;
    const o = { ...(v as Record<string, unknown>) };
    for (const [k, p] of Object.entries(type.properties)) {
        const s = (state as Record<string, unknown>)[k];
        o[k] = o[k] === undefined && p.computed ? s : withComputed(p.type, o[k], s);
    }
    return o;
}

export interface DiffResult {
    changes: string[];
    replaces: string[];
    deleteBeforeReplace: boolean;
}

/**
 * The program's inputs (checked) against the state. A property the program leaves out is a change when it was set
 * before, unless it is computed (AWS keeps a value). `autonamed`: the bridge deletes first when it must replace a
 * resource whose name the user set (nameRequiresDeleteBeforeReplace).
 */
export function diff(
    schema: ResourceSchema,
    state: Record<string, unknown>,
    news: Record<string, unknown>,
    oldInputs: Record<string, unknown>,
    autonamed: boolean,
): DiffResult {
    const changes: string[] = [];
    for (const [name, prop] of Object.entries(schema.properties)) {
        if (!prop.input) continue;
        const v = news[name];
        if (v === undefined) {
            // Left out now, set before: a change unless AWS keeps a value (computed) or the state holds the default anyway.
            const same = JSON.stringify(normal(prop.type, prop.default)) === JSON.stringify(normal(prop.type, state[name]));
            if (oldInputs[name] !== undefined && !prop.computed && !same) changes.push(name);
            continue;
        }
        if (
            isUnknown(v) ||
            JSON.stringify(normal(prop.type, withComputed(prop.type, v, state[name]))) !== JSON.stringify(normal(prop.type, state[name]))
        )
            changes.push(name);
    }
    const replaces = changes.filter((k) => schema.properties[k].forceNew);
    const userNamed = news.name !== undefined && !((news.__defaults as string[]) ?? []).includes("name");
    return { changes, replaces, deleteBeforeReplace: replaces.length > 0 && autonamed && userNamed };
}

/** The inputs `pulumi import` gets from a resource's state: its inputs that hold something but a default (bridge). */
export function importInputs(schema: ResourceSchema, state: Record<string, unknown>): Record<string, unknown> {
    const inputs: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries(schema.properties)) {
        const v = state[name];
        if (!prop.input || v === undefined || v === null) continue;
        const empty =
            v === "" ||
            v === false ||
            v === 0 ||
            (Array.isArray(v) && v.length === 0) ||
            (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0);
        if ((empty && !prop.required) || (prop.default !== undefined && JSON.stringify(v) === JSON.stringify(prop.default))) continue;
        inputs[name] = v;
    }
    return { ...inputs, __defaults: [] };
}

/**
 * The inputs a refresh keeps (bridge extractInputsObject): the old inputs' keys, each with its refreshed value; set
 * elements matched by content, so an element added out of band shows in the state only.
 */
export function refreshedInputs(
    schema: ResourceSchema,
    oldInputs: Record<string, unknown>,
    state: Record<string, unknown>,
): Record<string, unknown> {
    const inputs: Record<string, unknown> = {};
    for (const [name, old] of Object.entries(oldInputs)) {
        const prop = schema.properties[name];
        if (!prop || name.startsWith("__")) {
            inputs[name] = old;
            continue;
        }
        const now = state[name];
        if (now === undefined) continue;
        if (prop.type.kind === "array" && prop.type.set && Array.isArray(old) && Array.isArray(now)) {
            const t = prop.type.items;
            inputs[name] = old.filter((o) => now.some((n) => JSON.stringify(normal(t, n)) === JSON.stringify(normal(t, o))));
        } else if (prop.type.kind === "map" && typeof old === "object" && old && typeof now === "object" && now) {
            inputs[name] = Object.fromEntries(
                Object.keys(old)
                    .filter((k) => k in now)
                    .map((k) => [k, (now as Record<string, unknown>)[k]]),
            );
        } else {
            inputs[name] = now;
        }
    }
    return inputs;
}
