// The part of `@pulumi/aws` 7's schema the stand-in serves: every resource and function the examples, the tests and the
// README's programs use, with their real property names, types and required lists (transcribed from the generated
// @pulumi/aws 7.48 SDK, which is generated from the schema), plus what the Terraform provider behind it knows about each
// property: which ones replace the resource (ForceNew), which are sets, defaults and validators (each cited in
// ./resources.ts). One description serves GetSchema (Pulumi YAML type-checks against it), Check, Diff and import.

export type Validator = (value: unknown, tfName: string) => string | undefined;

export type Type =
    | { kind: "string" | "number" | "integer" | "boolean" }
    | { kind: "array"; items: Type; set?: boolean }
    | { kind: "map"; values: Type }
    | {
          kind: "object";
          token: string;
          properties: Record<string, Prop>;
          normalize?: (value: Record<string, unknown>) => Record<string, unknown>;
      };

export interface Prop {
    type: Type;
    /** An input (set by programs). */
    input?: boolean;
    /** An output (in the resource's state); inputs are outputs too unless `inputOnly`. */
    inputOnly?: boolean;
    /** Required as an input. */
    required?: boolean;
    /** Always present in the state (the schema's `required` outputs). */
    alwaysOut?: boolean;
    /** Optional and computed: left out, it keeps what the state has (no diff). */
    computed?: boolean;
    /** A change replaces the resource (Terraform's ForceNew). */
    forceNew?: boolean;
    /** The provider fills it in at Check when it is not given. */
    default?: unknown;
    /** Terraform's validator, run by Check. */
    validate?: Validator;
}

export const str: Type = { kind: "string" };
export const num: Type = { kind: "number" };
export const int: Type = { kind: "integer" };
export const bool: Type = { kind: "boolean" };
export const list = (items: Type): Type => ({ kind: "array", items });
export const set = (items: Type): Type => ({ kind: "array", items, set: true });
export const map = (values: Type = str): Type => ({ kind: "map", values });
export const obj = (
    token: string,
    properties: Record<string, Prop>,
    normalize?: (value: Record<string, unknown>) => Record<string, unknown>,
): Type => ({
    kind: "object",
    token,
    properties,
    normalize,
});

/** An input that is also in the state. */
export const io = (type: Type, more: Omit<Prop, "type" | "input"> = {}): Prop => ({ type, input: true, ...more });
/** An output only (computed by AWS). */
export const out = (type: Type, more: Omit<Prop, "type" | "input"> = {}): Prop => ({ type, alwaysOut: true, ...more });

export interface ResourceSchema {
    token: string;
    properties: Record<string, Prop>;
}
export interface FunctionSchema {
    token: string;
    inputs: Record<string, Prop>;
    outputs: Record<string, Prop>;
}

/** Terraform's attribute name for a Pulumi property, as validators and Check messages print it. */
export const tfName = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function typeJson(type: Type, types: Record<string, unknown>): unknown {
    switch (type.kind) {
        case "array":
            return { type: "array", items: typeJson(type.items, types) };
        case "map":
            return { type: "object", additionalProperties: typeJson(type.values, types) };
        case "object":
            if (!types[type.token]) {
                types[type.token] = {};
                types[type.token] = {
                    type: "object",
                    properties: Object.fromEntries(Object.entries(type.properties).map(([k, p]) => [k, typeJson(p.type, types)])),
                    required: Object.entries(type.properties)
                        .filter(([, p]) => p.required)
                        .map(([k]) => k),
                };
            }
            return { $ref: `#/types/${type.token}` };
        default:
            return { type: type.kind };
    }
}

/** The Pulumi package schema (JSON) the stand-in answers GetSchema with. */
export function pulumiSchema(version: string, resources: ResourceSchema[], functions: FunctionSchema[]): string {
    const types: Record<string, unknown> = {};
    const props = (ps: Record<string, Prop>, keep: (p: Prop) => boolean) =>
        Object.fromEntries(
            Object.entries(ps)
                .filter(([, p]) => keep(p))
                .map(([k, p]) => [k, typeJson(p.type, types)]),
        );
    const names = (ps: Record<string, Prop>, keep: (p: Prop) => boolean) =>
        Object.entries(ps)
            .filter(([, p]) => keep(p))
            .map(([k]) => k);
    return JSON.stringify({
        name: "aws",
        version,
        description: "A stand-in for the AWS provider (tests and the plan): the resources and functions apprunner-private's programs use.",
        meta: { moduleFormat: "(.*)(?:/[^/]*)" },
        config: { variables: { region: { type: "string" } } },
        provider: { inputProperties: { region: { type: "string" } }, properties: { region: { type: "string" } } },
        resources: Object.fromEntries(
            resources.map((r) => [
                r.token,
                {
                    inputProperties: props(r.properties, (p) => !!p.input),
                    requiredInputs: names(r.properties, (p) => !!p.required),
                    properties: props(r.properties, (p) => !p.inputOnly),
                    required: names(r.properties, (p) => !!p.alwaysOut),
                },
            ]),
        ),
        functions: Object.fromEntries(
            functions.map((f) => [
                f.token,
                {
                    inputs: { type: "object", properties: props(f.inputs, () => true), required: names(f.inputs, (p) => !!p.required) },
                    outputs: { type: "object", properties: props(f.outputs, () => true), required: names(f.outputs, (p) => !!p.alwaysOut) },
                },
            ]),
        ),
        types,
    });
}
